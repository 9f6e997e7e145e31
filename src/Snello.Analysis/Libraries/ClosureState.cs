namespace Snello.Analysis.Libraries;

/// <summary>What one <see cref="LibraryResolver.Resolve"/> call has found so far.</summary>
internal sealed class ClosureState
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public List<NeededFile> Files { get; } = [];

    public List<UnresolvedLibrary> Unresolved { get; } = [];

    public List<string> Problems { get; } = [];

    /// <summary>True once a library was searched for along the search path (not by a path with a slash).</summary>
    public bool Searched { get; set; }

    public bool Contains(string path) => _seen.Contains(path);

    /// <summary>Adds <paramref name="path"/> unless it is in already; true when it was new.</summary>
    public bool Add(string path, NeededFileKind kind, string reason)
    {
        if (!_seen.Add(path))
        {
            return false;
        }

        Files.Add(new NeededFile(path, kind, reason));
        return true;
    }

    public void AddLinks(IEnumerable<string> links, string target, string reason)
    {
        foreach (var link in links)
        {
            Add(link, NeededFileKind.Symlink, $"symlink on the way to {target}, {reason}");
        }
    }
}
