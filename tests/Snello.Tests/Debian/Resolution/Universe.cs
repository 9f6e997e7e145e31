using Snello.Debian.Control;
using Snello.Debian.Packages;
using Snello.Debian.Resolution;
using ResolutionResult = Snello.Debian.Resolution.Resolution;

namespace Snello.Tests.Debian.Resolution;

/// <summary>Builds package records from deb822 stanzas, as a Packages index would hold them.</summary>
internal static class Universe
{
    /// <summary>Parses stanzas; one without an Architecture field gets <c>amd64</c>.</summary>
    public static List<PackageRecord> Parse(string stanzas)
    {
        var withArchitecture = string.Join("\n\n", stanzas.Replace("\r", "", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Contains("Architecture:", StringComparison.Ordinal) ? s : s + "\nArchitecture: amd64"));
        return Deb822Reader.Parse(withArchitecture + "\n", "Packages").Select(PackageRecord.FromParagraph).ToList();
    }

    /// <summary>Resolves requests by name against stanzas with the default policy.</summary>
    public static ResolutionResult Resolve(string stanzas, params string[] requests) =>
        Resolver(stanzas).Resolve(requests.Select(r => new PackageRequest(r)).ToList());

    public static DependencyResolver Resolver(string stanzas, ResolutionPolicy? policy = null) =>
        new(Parse(stanzas), "amd64", policy ?? ResolutionPolicy.Default, "bookworm main");

    /// <summary>The selected packages as <c>name version</c>, in the resolution's order.</summary>
    public static string[] Selected(this ResolutionResult resolution) =>
        resolution.Packages.Select(p => $"{p.Name} {p.Record.Version}").ToArray();
}
