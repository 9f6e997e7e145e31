using Snello.Debian.Versions;

namespace Snello.Tests.Debian.Versions;

/// <summary>The Debian ordering vectors in ../shared/conformance/versions, each pair also checked reversed.</summary>
public sealed class DebianVersionConformanceTests
{
    [Theory]
    [InlineData("debian-versions.txt", 30)]
    [InlineData("debian-versions-generated.txt", 14442)]
    public void Every_vector_compares_as_recorded_both_ways(string file, int expectedCases)
    {
        var path = Conformance.File(Path.Combine("versions", file));
        var failures = new List<string>();
        var cases = 0;

        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal)
                || line.StartsWith("// ", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(' ');
            Assert.True(fields.Length == 3, $"{file}:{number}: expected 'A op B', found '{line}'");
            cases++;
            var expected = fields[1] switch
            {
                "<" => -1,
                "=" => 0,
                ">" => 1,
                _ => throw new InvalidDataException($"{file}:{number}: unknown operator '{fields[1]}'"),
            };

            var a = DebianVersion.Parse(fields[0]);
            var b = DebianVersion.Parse(fields[2]);
            var forward = Math.Sign(DebianVersion.Compare(a, b));
            var backward = Math.Sign(DebianVersion.Compare(b, a));
            if (forward != expected || backward != -expected)
            {
                failures.Add($"{file}:{number}: '{line}' gave {forward} and reversed {backward}");
            }

            if (expected == 0 && a.GetHashCode() != b.GetHashCode())
            {
                failures.Add($"{file}:{number}: '{line}' equal but hashes differ");
            }
        }

        Assert.Equal(expectedCases, cases);
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }
}
