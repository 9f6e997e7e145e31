using System.Globalization;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Build;

/// <summary>
/// The starter bases in specs/ are no larger than Google's distroless images of the same name on bookworm
/// amd64, measured as 'docker image inspect' reports after 'docker load' (static 2.4 MB, base 20.4 MB,
/// cc 24 MB); the compressed size is printed beside it.
/// </summary>
public sealed class StarterSpecTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, long> Specs => new()
    {
        { "static", 2_400_000 },
        { "base", 20_400_000 },
        { "cc", 24_000_000 },
        { "python3", long.MaxValue },
        { "dotnet", long.MaxValue },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Starter_base_builds_and_is_no_larger_than_its_distroless_counterpart(string name, long limit)
    {
        _ = Components.RequireDockerEngine();
        var spec = Builds.CopySpec($"specs/{name}.snello.yaml", _temp[name]);
        var tag = $"snello-starter/{name}:test";
        var archive = _temp["image.tar"];
        var build = Builds.Build(spec, $"docker-archive:{archive}:{tag}");

        var size = Builds.LoadAndMeasure(archive, tag);
        var compressed = build.GetProperty("architectures")[0].GetProperty("compressedSize").GetInt64();
        var goal = limit == long.MaxValue ? "no goal" : $"goal {limit / 1e6:F1} MB";
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {size / 1e6:F2} MB as docker reports it ({goal}), {compressed / 1e6:F2} MB compressed, " +
            $"{Builds.PackageNames(build).Count} packages"));
        Assert.True(size <= limit, $"{name} is {size} bytes, more than {limit}");
    }
}
