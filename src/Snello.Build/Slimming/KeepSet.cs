using Snello.Analysis.Libraries;
using Snello.Oci.FileSystems;

namespace Snello.Build.Slimming;

/// <summary>The paths a slimmed image keeps, canonical and absolute, each with the first reason found.</summary>
internal sealed class KeepSet(FileSystemView view, IFileLookup files)
{
    private readonly Dictionary<string, string> _reasons = new(StringComparer.Ordinal);
    private List<string>? _allPaths;

    public IReadOnlyDictionary<string, string> Reasons => _reasons;

    public IFileLookup Files => files;

    public bool Contains(string path) => _reasons.ContainsKey(path);

    /// <summary>Adds a canonical path; the first reason stays.</summary>
    public void Add(string path, string reason) => _reasons.TryAdd(path, reason);

    /// <summary>
    /// Resolves <paramref name="path"/> inside the image and keeps it with every symlink on the way; returns
    /// the canonical path, or null when it leads nowhere.
    /// </summary>
    public string? AddResolved(string path, string reason)
    {
        var links = new List<string>();
        var real = ChrootPath.Resolve(files, path, links);
        if (real is null || real == "/")
        {
            return null;
        }

        foreach (var link in links)
        {
            Add(link, $"symlink on the way to {real}, {reason}");
        }

        Add(real, reason);
        return real;
    }

    /// <summary>Keeps <paramref name="path"/> and, when it leads to a directory, everything under it.</summary>
    public IReadOnlyList<string> AddTree(string path, string reason)
    {
        if (AddResolved(path, reason) is not { } real)
        {
            return [];
        }

        var added = new List<string> { real };
        if (files.Stat(real)?.Kind != FileLookupKind.Directory)
        {
            return added;
        }

        foreach (var below in Under(real))
        {
            Add(below, reason);
            added.Add(below);
        }

        return added;
    }

    /// <summary>Every path of the image strictly under the canonical directory <paramref name="directory"/>.</summary>
    public IEnumerable<string> Under(string directory)
    {
        _allPaths ??= view.Walk().Select(e => "/" + e.Path).ToList();
        var prefix = directory.TrimEnd('/') + "/";
        var start = _allPaths.BinarySearch(prefix, StringComparer.Ordinal);
        for (var i = start < 0 ? ~start : start; i < _allPaths.Count; i++)
        {
            if (!_allPaths[i].StartsWith(prefix, StringComparison.Ordinal))
            {
                yield break;
            }

            yield return _allPaths[i];
        }
    }

    /// <summary>Every path of the image, sorted ordinally.</summary>
    public IReadOnlyList<string> AllPaths => _allPaths ??= view.Walk().Select(e => "/" + e.Path).ToList();
}
