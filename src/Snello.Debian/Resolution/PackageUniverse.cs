using Snello.Debian.Control;
using Snello.Debian.Packages;
using Snello.Debian.Versions;

namespace Snello.Debian.Resolution;

/// <summary>
/// The packages a resolution may choose from, looked up in the source by name and by provided name as the
/// resolution meets them, and kept. Only records of the target architecture and of <c>all</c> are kept; a
/// name and version that occur twice (the same package in two suites) keep the first record, so sources
/// list their repositories in preference order.
/// </summary>
internal sealed class PackageUniverse
{
    private readonly IPackageSource _source;
    private readonly Dictionary<string, PackageRecord[]> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PackageProvider[]> _providers = new(StringComparer.Ordinal);

    public PackageUniverse(IPackageSource source, string architecture)
    {
        _source = source;
        Architecture = architecture;
    }

    /// <summary>The target architecture.</summary>
    public string Architecture { get; }

    /// <summary>The versions of a real package, highest first; empty when none.</summary>
    public IReadOnlyList<PackageRecord> Versions(string name)
    {
        if (!_byName.TryGetValue(name, out var versions))
        {
            var kept = new List<PackageRecord>();
            foreach (var record in _source.Named(name))
            {
                if (Admitted(record) && !kept.Exists(v => v.Version == record.Version))
                {
                    kept.Add(record);
                }
            }

            kept.Sort((a, b) => DebianVersion.Compare(b.Version, a.Version));
            versions = [.. kept];
            _byName.Add(name, versions);
        }

        return versions;
    }

    /// <summary>The packages providing a name, in preference order; empty when none.</summary>
    /// <remarks>
    /// The order a dependency on a virtual name tries its providers in, when none is selected yet: by
    /// Priority as apt weighs it (required before optional), then by name, so the choice is stable.
    /// </remarks>
    public IReadOnlyList<PackageProvider> Providers(string name)
    {
        if (!_providers.TryGetValue(name, out var providers))
        {
            var list = new List<PackageProvider>();
            foreach (var record in _source.Providing(name))
            {
                // The same name and version twice (two suites) keeps the first record, as Versions does.
                if (!Admitted(record) || !Versions(record.Package).Contains(record))
                {
                    continue;
                }

                foreach (var provided in record.Provides)
                {
                    if (provided.Name == name)
                    {
                        list.Add(new PackageProvider(record, provided.Constraint?.Version));
                    }
                }
            }

            list.Sort(CompareProviders);
            providers = [.. list];
            _providers.Add(name, providers);
        }

        return providers;
    }

    /// <summary>Every real and virtual name, for suggesting close names.</summary>
    public IEnumerable<string> AllNames => _source.AllNames().Distinct(StringComparer.Ordinal);

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

    private bool Admitted(PackageRecord record) =>
        record.Architecture == Architecture || record.Architecture == "all";

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
