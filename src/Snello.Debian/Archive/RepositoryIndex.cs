using Snello.Debian.Packages;

namespace Snello.Debian.Archive;

/// <summary>The packages of one repository for one architecture, from its verified Packages indexes.</summary>
public sealed class RepositoryIndex
{
    private readonly IndexedPackages? _indexed;
    private Dictionary<string, List<PackageRecord>>? _byName;
    private Dictionary<string, List<PackageRecord>>? _byProvided;

    /// <summary>Creates an index over records already in memory.</summary>
    /// <param name="repository">The repository the records come from.</param>
    /// <param name="architecture">The architecture, such as <c>amd64</c>.</param>
    /// <param name="date">The Release file's <c>Date</c>.</param>
    /// <param name="packages">The records; <c>Architecture: all</c> ones included.</param>
    public RepositoryIndex(DebianRepository repository, string architecture, DateTimeOffset date,
        IReadOnlyList<PackageRecord> packages)
    {
        Repository = repository;
        Architecture = architecture;
        Date = date;
        Packages = packages;
        _indexed = packages as IndexedPackages;
    }

    /// <summary>The repository the records come from.</summary>
    public DebianRepository Repository { get; }

    /// <summary>The architecture, such as <c>amd64</c>.</summary>
    public string Architecture { get; }

    /// <summary>The Release file's <c>Date</c>, for lock files and reproducible timestamps.</summary>
    public DateTimeOffset Date { get; }

    /// <summary>
    /// Every record, in index order. For an index the client loaded, records are parsed as they are read:
    /// enumerating all of them costs a second for a large suite, so prefer <see cref="Named"/> and
    /// <see cref="Providing"/>.
    /// </summary>
    /// <exception cref="PackageRecordException">On reading: a stanza is malformed.</exception>
    public IReadOnlyList<PackageRecord> Packages { get; }

    /// <summary>The records of a package name, every version the index holds.</summary>
    /// <param name="name">The package name, such as <c>libc6</c>.</param>
    /// <returns>The records, in index order; empty when none.</returns>
    /// <exception cref="PackageRecordException">A matching stanza is malformed.</exception>
    public IReadOnlyList<PackageRecord> Named(string name) =>
        _indexed?.Named(name) ?? Table(ref _byName, r => [r.Package]).GetValueOrDefault(name) ?? [];

    /// <summary>The records whose <c>Provides</c> names a (virtual) package.</summary>
    /// <param name="name">The provided name, such as <c>awk</c>.</param>
    /// <returns>The records, in index order; empty when none.</returns>
    /// <exception cref="PackageRecordException">A matching stanza is malformed.</exception>
    public IReadOnlyList<PackageRecord> Providing(string name) =>
        _indexed?.Providing(name)
        ?? Table(ref _byProvided, r => r.Provides.Select(p => p.Name)).GetValueOrDefault(name) ?? [];

    private Dictionary<string, List<PackageRecord>> Table(
        ref Dictionary<string, List<PackageRecord>>? table, Func<PackageRecord, IEnumerable<string>> keys)
    {
        if (table is null)
        {
            var built = new Dictionary<string, List<PackageRecord>>(StringComparer.Ordinal);
            foreach (var record in Packages)
            {
                foreach (var key in keys(record).Distinct(StringComparer.Ordinal))
                {
                    if (!built.TryGetValue(key, out var list))
                    {
                        built[key] = list = [];
                    }

                    list.Add(record);
                }
            }

            table = built;
        }

        return table;
    }
}
