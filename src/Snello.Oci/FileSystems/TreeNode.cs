namespace Snello.Oci.FileSystems;

/// <summary>A node of the squashed tree. Directories have children; the root has no entry.</summary>
internal sealed class TreeNode
{
    private TreeNode(string name, string path, TreeNode? parent, FileEntry? entry)
    {
        Name = name;
        Path = path;
        Parent = parent;
        Entry = entry;
        if (entry is null || entry.Type == EntryType.Directory)
        {
            Children = new Dictionary<string, TreeNode>(StringComparer.Ordinal);
        }
    }

    public string Name { get; }

    /// <summary>The full normalised path; empty for the root.</summary>
    public string Path { get; }

    public TreeNode? Parent { get; }

    public FileEntry? Entry { get; set; }

    /// <summary>The children of a directory; null for every other kind of entry.</summary>
    public Dictionary<string, TreeNode>? Children { get; }

    /// <summary>The content of a regular file or hard link.</summary>
    public ContentSource? Content { get; init; }

    public bool IsDirectory => Children is not null;

    public static TreeNode CreateRoot() => new(string.Empty, string.Empty, null, null);

    /// <summary>
    /// Creates a child, replacing any child of that name with everything under it; <paramref name="observer"/>
    /// hears of the removal first, then of the addition.
    /// </summary>
    public TreeNode AddChild(string name, FileEntry entry, ContentSource? content = null,
        ITreeObserver? observer = null)
    {
        // Most members land where their own path says: keep their entry and path string, which halves the
        // memory a view of a large image needs.
        var path = Path.Length == 0 ? name : Path + "/" + name;
        var placed = entry.Path == path ? entry : entry with { Path = path };
        if (observer is not null && Children!.TryGetValue(name, out var old))
        {
            observer.Removing(old);
        }

        var child = new TreeNode(name, placed.Path, this, placed) { Content = content };
        Children![name] = child;
        observer?.Added(child);
        return child;
    }

    /// <summary>Removes the child <paramref name="name"/>, if there is one, with everything under it.</summary>
    public void RemoveChild(string name, ITreeObserver? observer)
    {
        if (Children!.Remove(name, out var old))
        {
            observer?.Removing(old);
        }
    }
}
