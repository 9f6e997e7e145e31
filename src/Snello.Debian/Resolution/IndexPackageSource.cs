using Snello.Debian.Archive;
using Snello.Debian.Packages;

namespace Snello.Debian.Resolution;

/// <summary>
/// A package source over repository indexes in preference order (the release, then its security suite,
/// then extra repositories). Lookups go through each index's name tables, so only the records a
/// resolution meets are parsed.
/// </summary>
/// <param name="indexes">The indexes, first preferred.</param>
public sealed class IndexPackageSource(IReadOnlyList<RepositoryIndex> indexes) : IPackageSource
{
    private readonly IReadOnlyList<RepositoryIndex> _indexes =
        indexes ?? throw new ArgumentNullException(nameof(indexes));

    /// <inheritdoc />
    public IEnumerable<PackageRecord> Named(string name) => _indexes.SelectMany(i => i.Named(name));

    /// <inheritdoc />
    public IEnumerable<PackageRecord> Providing(string name) => _indexes.SelectMany(i => i.Providing(name));

    /// <inheritdoc />
    public IEnumerable<string> AllNames() =>
        _indexes.SelectMany(i => i.Packages).SelectMany(r => r.Provides.Select(p => p.Name).Prepend(r.Package));

    /// <summary>The index a record came from, by reference; null when it is from none of them.</summary>
    /// <param name="record">A record one of the indexes returned.</param>
    /// <returns>The index, or null.</returns>
    public RepositoryIndex? IndexOf(PackageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _indexes.FirstOrDefault(i => i.Named(record.Package).Any(r => ReferenceEquals(r, record)));
    }
}
