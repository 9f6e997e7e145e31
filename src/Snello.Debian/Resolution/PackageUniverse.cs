using Snello.Debian.Control;
using Snello.Debian.Packages;
using Snello.Debian.Versions;

namespace Snello.Debian.Resolution;

/// <summary>
/// The packages a resolution may choose from, indexed once by name and by provided name. Only records of
/// the target architecture and of <c>all</c> are kept; a name and version that occur twice (the same
/// package in two suites) keep the first record, so callers list their repositories in preference order.
/// </summary>
internal sealed class PackageUniverse
{
    private readonly Dictionary<string, PackageRecord[]> _byName;
    private readonly Dictionary<string, PackageProvider[]> _providers;

    public PackageUniverse(IReadOnlyList<PackageRecord> records, string architecture)
    {
        Architecture = architecture;
        var byName = new Dictionary<string, List<PackageRecord>>(StringComparer.Ordinal);
        var providers = new Dictionary<string, List<PackageProvider>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Architecture != architecture && record.Architecture != "all")
            {
                continue;
            }

            if (!byName.TryGetValue(record.Package, out var versions))
            {
                versions = [];
                byName.Add(record.Package, versions);
            }
            else if (versions.Exists(v => v.Version == record.Version))
            {
                continue;
            }

            versions.Add(record);
            foreach (var provided in record.Provides)
            {
                if (!providers.TryGetValue(provided.Name, out var list))
                {
                    list = [];
                    providers.Add(provided.Name, list);
                }

                list.Add(new PackageProvider(record, provided.Constraint?.Version));
            }
        }

        // Highest version first, so the first match is the preferred candidate.
        _byName = new Dictionary<string, PackageRecord[]>(byName.Count, StringComparer.Ordinal);
        foreach (var (name, versions) in byName)
        {
            versions.Sort((a, b) => DebianVersion.Compare(b.Version, a.Version));
            _byName.Add(name, [.. versions]);
        }

        // The order a dependency on a virtual name tries its providers in, when none is selected yet: by
        // Priority as apt weighs it (required before optional), then by name, so the choice is stable.
        _providers = new Dictionary<string, PackageProvider[]>(providers.Count, StringComparer.Ordinal);
        foreach (var (name, list) in providers)
        {
            list.Sort(CompareProviders);
            _providers.Add(name, [.. list]);
        }
    }

    /// <summary>The target architecture.</summary>
    public string Architecture { get; }

    /// <summary>Every real package name.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>The versions of a real package, highest first; empty when none.</summary>
    public IReadOnlyList<PackageRecord> Versions(string name) =>
        _byName.TryGetValue(name, out var versions) ? versions : [];

    /// <summary>The packages providing a name, in preference order; empty when none.</summary>
    public IReadOnlyList<PackageProvider> Providers(string name) =>
        _providers.TryGetValue(name, out var providers) ? providers : [];

    /// <summary>Every real and virtual name, for suggesting close names.</summary>
    public IEnumerable<string> AllNames => _byName.Keys.Concat(_providers.Keys.Where(n => !_byName.ContainsKey(n)));

    /// <summary>
    /// Whether a relation's architecture qualifier admits a candidate (Debian policy 7.1 and the multiarch
    /// spec): no qualifier and <c>:native</c> take any package here, since only native and <c>all</c>
    /// packages are kept; <c>:any</c> takes only <c>Multi-Arch: allowed</c> packages, as dpkg decides; a
    /// named architecture must be the target one, which <c>all</c> packages count as.
    /// </summary>
    public bool ArchitectureAdmits(Relation relation, PackageRecord candidate) =>
        relation.ArchitectureQualifier switch
        {
            null or "native" => true,
            "any" => string.Equals(candidate.MultiArch, "allowed", StringComparison.Ordinal),
            var named => named == Architecture,
        };

    /// <summary>Whether a package satisfies a relation by its own name and version.</summary>
    public bool SatisfiesByName(Relation relation, PackageRecord candidate) =>
        candidate.Package == relation.Name && ArchitectureAdmits(relation, candidate)
        && (relation.Constraint is null || relation.Constraint.IsSatisfiedBy(candidate.Version));

    /// <summary>Whether a provider satisfies a relation on the name it provides.</summary>
    public bool SatisfiesByProvides(Relation relation, PackageProvider provider) =>
        ArchitectureAdmits(relation, provider.Record) && ProvidedVersionMeets(provider.Version, relation.Constraint);

    /// <summary>Whether a provided version meets a constraint (Debian policy 7.5).</summary>
    /// <remarks>An unversioned Provides satisfies only an unversioned relation.</remarks>
    public static bool ProvidedVersionMeets(DebianVersion? provided, VersionConstraint? constraint) =>
        constraint is null || (provided is not null && constraint.IsSatisfiedBy(provided));

    private static int CompareProviders(PackageProvider a, PackageProvider b)
    {
        var order = PriorityRank(a.Record.Priority).CompareTo(PriorityRank(b.Record.Priority));
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Record.Package, b.Record.Package);
        }

        return order != 0 ? order : DebianVersion.Compare(b.Record.Version, a.Record.Version);
    }

    private static int PriorityRank(string? priority) => priority switch
    {
        "required" => 0,
        "important" => 1,
        "standard" => 2,
        "optional" => 3,
        _ => 4,
    };
}
