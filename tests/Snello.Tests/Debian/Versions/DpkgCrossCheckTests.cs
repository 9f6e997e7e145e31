using Snello.Debian.Versions;

namespace Snello.Tests.Debian.Versions;

/// <summary>A sample of version pairs ordered by the real <c>dpkg --compare-versions</c> and by Snello.</summary>
public sealed class DpkgCrossCheckTests
{
    private static readonly string[][] HandWritten =
    [
        ["1.0~rc1", "1.0"], ["1.0~", "1.0~~"], ["1.0", "1.0a"], ["1.0a", "1.0+"], ["1.0+", "1.0."],
        ["0a", "a"], ["a", "b"], ["1.0-Z", "1.0-a"], ["1.9", "1.10"], ["1.0", "1.00"], ["1.0", "1.0-0"],
        ["1:1.0", "2.0"], ["1.0-1", "1.0-1+b1"], ["1.0-1~bpo12+1", "1.0-1"], ["2.36-9+deb12u4", "2.36-9+deb12u10"],
        ["1.2.3", "1.2.3."], ["1.", "1.0"], ["1.0~a", "1.0~b"], ["1~", "1"], ["~", ""], ["1.0-1", "1.0.1"],
        ["3.0.11-1~deb12u2", "3.0.11-1"], ["1:2.38.1-5+deb12u3", "1:2.38.1-5+b1"], ["0.0.1", "0.0.1~0"],
        ["007", "7"], ["1a1", "1a01"], ["1:0", "0:99"], ["10:1", "9:1"], ["1.0+dfsg", "1.0+dfsg1"],
        ["1-2-3", "1-2"], ["1:1:1", "1:1"], ["1.0-a.b", "1.0-a+b"], ["r1", "1"],
    ];

    [Fact]
    public void Snello_orders_a_sample_of_pairs_as_dpkg_does()
    {
        var dpkg = DebianTools.Require("dpkg", "dpkg");
        var pairs = HandWritten.Where(p => p[1].Length > 0).Select(p => (p[0], p[1])).ToList();
        pairs.AddRange(GeneratedSample());

        // One shell process asks dpkg about every pair, so the test starts a few hundred dpkg runs, not
        // a few hundred shells.
        const string Script = """
            while IFS=' ' read -r a b; do
              if "$0" --compare-versions "$a" lt "$b"; then echo lt
              elif "$0" --compare-versions "$a" eq "$b"; then echo eq
              else echo gt; fi
            done
            """;
        var input = string.Concat(pairs.Select(p => $"{p.Item1} {p.Item2}\n"));
        var (exit, stdout, stderr) = DebianTools.Run("/bin/sh", ["-c", Script, dpkg], input);
        Assert.True(exit == 0, stderr);
        var answers = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(pairs.Count, answers.Length);

        var mismatches = pairs.Zip(answers)
            .Select(x => (x.First.Item1, x.First.Item2, Dpkg: x.Second,
                Snello: Math.Sign(DebianVersion.Compare(
                    DebianVersion.Parse(x.First.Item1), DebianVersion.Parse(x.First.Item2))) switch
                {
                    < 0 => "lt",
                    0 => "eq",
                    _ => "gt",
                }))
            .Where(x => x.Dpkg != x.Snello)
            .Select(x => $"'{x.Item1}' vs '{x.Item2}': dpkg {x.Dpkg}, Snello {x.Snello}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        Assert.True(pairs.Count > 100, $"only {pairs.Count} pairs were checked");
    }

    // Every 97th generated vector, with its two sides swapped on every other one so that gt answers appear too.
    private static IEnumerable<(string, string)> GeneratedSample()
    {
        var path = Conformance.File(Path.Combine("versions", "debian-versions-generated.txt"));
        return File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith("# ", StringComparison.Ordinal)
                && !l.StartsWith("// ", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .Where((_, i) => i % 97 == 0)
            .Select((f, i) => i % 2 == 0 ? (f[0], f[2]) : (f[2], f[0]));
    }
}
