using Snello.Debian.Packages;

namespace Snello.Debian.Resolution;

/// <summary>A package source over records already in memory, indexed once by name and by provided name.</summary>
internal sealed class ListPackageSource : IPackageSource
{
    private readonly ILookup<string, PackageRecord> _byName;
    private readonly ILookup<string, PackageRecord> _byProvided;

    public ListPackageSource(IReadOnlyList<PackageRecord> records)
    {
        _byName = records.ToLookup(r => r.Package, StringComparer.Ordinal);
        _byProvided = records.SelectMany(r => r.Provides.Select(p => (p.Name, Record: r)))
            .ToLookup(p => p.Name, p => p.Record, StringComparer.Ordinal);
    }

    public IEnumerable<PackageRecord> Named(string name) => _byName[name];

    public IEnumerable<PackageRecord> Providing(string name) => _byProvided[name].Distinct();

    public IEnumerable<string> AllNames() => _byName.Select(g => g.Key).Concat(_byProvided.Select(g => g.Key));
}
