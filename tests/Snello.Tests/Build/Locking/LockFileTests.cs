using System.Text;
using Snello.Build.Locking;

namespace Snello.Tests.Build.Locking;

public sealed class LockFileTests
{
    private static readonly string Hash = new('a', 64);

    internal static LockedPackage Package(string name, string architecture = "amd64") => new()
    {
        Name = name,
        Version = "2.36-9+deb12u10",
        Architecture = architecture,
        Sha256 = Hash,
        Filename = $"pool/main/x/{name}/{name}_2.36-9+deb12u10_{architecture}.deb",
        Size = 123,
        Repository = "bookworm-security",
        IndexDate = new DateTimeOffset(2026, 7, 11, 12, 16, 37, TimeSpan.FromHours(2)),
    };

    internal static LockFile Sample() => new()
    {
        LockVersion = 1,
        Spec = "sha256:" + new string('b', 64),
        Distribution = "bookworm",
        Architectures = new Dictionary<string, LockedArchitecture>
        {
            ["arm64"] = new() { Packages = [Package("tzdata", "all")] },
            ["amd64"] = new() { Packages = [Package("zlib1g"), Package("libc6"), Package("base-files")] },
        },
    };

    [Fact]
    public void ToJson_writes_sorted_two_space_json_with_a_final_newline()
    {
        var text = Encoding.UTF8.GetString(Sample().ToJson());

        Assert.StartsWith("{\n  \"lockVersion\": 1,\n  \"spec\": \"sha256:bbbb", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Contains("\"version\": \"2.36-9+deb12u10\"", text, StringComparison.Ordinal);
        Assert.Contains("\"indexDate\": \"2026-07-11T10:16:37Z\"", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("\"amd64\"", StringComparison.Ordinal)
            < text.IndexOf("\"arm64\"", StringComparison.Ordinal));
        var order = new[] { "base-files", "libc6", "zlib1g" }
            .Select(n => text.IndexOf($"\"name\": \"{n}\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Contains("      \"packages\": [\n        {\n          \"name\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_survives_a_round_trip_byte_for_byte()
    {
        var first = Sample().ToJson();
        var read = LockFile.Parse(first, "snello.lock");
        Assert.Equal(first, read.ToJson());
        Assert.Equal("bookworm", read.Distribution);
        Assert.Equal(["base-files", "libc6", "zlib1g"], read.Architectures["amd64"].Packages.Select(p => p.Name));
        var libc = read.Architectures["amd64"].Packages[1];
        Assert.Equal(Package("libc6") with { IndexDate = libc.IndexDate }, libc);
        Assert.Equal(new DateTimeOffset(2026, 7, 11, 10, 16, 37, TimeSpan.Zero), libc.IndexDate);
    }

    [Fact]
    public void Save_and_Load_use_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("snello-lock-");
        try
        {
            var path = Path.Combine(folder.FullName, "snello.lock");
            Sample().Save(path);
            Assert.Equal(Sample().ToJson(), File.ReadAllBytes(path));
            Assert.Equal("bookworm", LockFile.Load(path).Distribution);
            Assert.Single(Directory.GetFiles(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("app/snello.yaml", "app/snello.lock")]
    [InlineData("specs/static.snello.yaml", "specs/static.snello.lock")]
    [InlineData("x.yml", "x.lock")]
    [InlineData("spec", "spec.lock")]
    public void PathFor_puts_the_lock_beside_the_spec(string spec, string expected) =>
        Assert.Equal(expected, LockFile.PathFor(spec));
}
