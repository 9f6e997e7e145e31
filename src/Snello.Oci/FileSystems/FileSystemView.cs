using Snello.Oci.Images;

namespace Snello.Oci.FileSystems;

/// <summary>
/// The filesystem an image's layers make: the squashed tree with whiteouts and opaque directories applied
/// (OCI image spec, layer.md), and each layer's own tree. Every entry knows the layer it came from. Paths
/// inside the tree never pass through a symlink: members under a symlinked directory were placed where the
/// link points, resolved inside the root.
/// </summary>
public sealed partial class FileSystemView
{
    private readonly TreeNode _root;
    private readonly IReadOnlyList<ILayer> _sources;
    private readonly ExtractionLimits _limits;

    private FileSystemView(TreeNode root, IReadOnlyList<ILayer> sources, IReadOnlyList<LayerTree> layers,
        ExtractionLimits limits)
    {
        _root = root;
        _sources = sources;
        _limits = limits;
        Layers = layers;
        Count = CountNodes(root);
    }

    /// <summary>Each layer's entries as that layer holds them, base first.</summary>
    public IReadOnlyList<LayerTree> Layers { get; }

    /// <summary>The number of entries in the squashed tree (directories the layers imply included).</summary>
    public int Count { get; }

    /// <summary>
    /// The entry at <paramref name="path"/> ('/a/b', 'a/b' and './a/b' are the same), like lstat: symlinks in
    /// the parent directories are followed inside the root, a symlink at the end is returned itself.
    /// Returns null when there is no such entry, or for the root, which is not an entry.
    /// </summary>
    /// <exception cref="SymlinkLoopException">The parents hold a symlink loop.</exception>
    public FileEntry? Get(string path) => Find(path, followFinal: false)?.Entry;

    /// <summary>
    /// The entry <paramref name="path"/> leads to, like stat: every symlink, the last one too, is followed
    /// chroot-style ('..' and absolute targets never leave the root). Null when the path leads nowhere.
    /// </summary>
    /// <exception cref="SymlinkLoopException">More than 40 links were followed.</exception>
    public FileEntry? Resolve(string path) => Find(path, followFinal: true)?.Entry;

    /// <summary>
    /// The direct children of <paramref name="directory"/> ("/" or "" for the root), sorted ordinally by path.
    /// Symlinks on the way, the last one too, are followed inside the root.
    /// </summary>
    /// <exception cref="FileNotFoundInImageException">There is no such directory.</exception>
    /// <exception cref="SymlinkLoopException">The path holds a symlink loop.</exception>
    public IEnumerable<FileEntry> List(string directory)
    {
        var node = Find(directory, followFinal: true);
        if (node is null)
        {
            throw new FileNotFoundInImageException(directory, "does not exist in the image");
        }

        if (node.Children is null)
        {
            throw new FileNotFoundInImageException(directory, $"is a {Describe(node.Entry!.Type)}, not a directory");
        }

        return node.Children.Values.Select(c => c.Entry!).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every entry of the squashed tree, sorted ordinally by path (parents before children).</summary>
    public IEnumerable<FileEntry> Walk() => SortedNodes().Select(n => n.Entry!);

    /// <summary>
    /// Opens the content of the regular file <paramref name="path"/> leads to, following symlinks and hard links
    /// inside the image, by reading its layer again. The stream reads the rest of the layer at its end, so the
    /// layer's digest is checked before the stream reports its end.
    /// </summary>
    /// <exception cref="FileNotFoundInImageException">The path does not exist or is not a regular file.</exception>
    /// <exception cref="ImageFormatException">The layer fails its digest or is malformed.</exception>
    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var node = Find(path, followFinal: true)
            ?? throw new FileNotFoundInImageException(path, "does not exist in the image");
        if (node.Content is not { } content)
        {
            var kind = node.Entry is null ? "directory" : Describe(node.Entry.Type);
            throw new FileNotFoundInImageException(path, $"is a {kind}, not a regular file");
        }

        var layer = _sources[content.Layer];
        var digest = layer.Descriptor.Digest.ToString();
        var stream = await layer.OpenUncompressedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = new TarArchiveReader(stream, digest, new ExtractionBudget(_limits));
            while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } record)
            {
                if (record.Ordinal == content.Ordinal)
                {
                    return new TarContentStream(reader, stream);
                }
            }

            throw new ImageFormatException($"layer '{digest}' no longer holds member {content.Ordinal} " +
                $"for '{node.Path}'; the layer changed since the view was built");
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The nodes of the squashed tree, without the root, sorted ordinally by path.</summary>
    internal List<TreeNode> SortedNodes()
    {
        var nodes = new List<TreeNode>(Count);
        var pending = new Stack<TreeNode>();
        pending.Push(_root);
        while (pending.TryPop(out var node))
        {
            if (node.Entry is not null)
            {
                nodes.Add(node);
            }

            foreach (var child in node.Children?.Values ?? Enumerable.Empty<TreeNode>())
            {
                pending.Push(child);
            }
        }

        nodes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return nodes;
    }

    /// <summary>The layers the view was built from.</summary>
    internal IReadOnlyList<ILayer> Sources => _sources;

    internal static string Describe(EntryType type) => type switch
    {
        EntryType.RegularFile => "regular file",
        EntryType.Directory => "directory",
        EntryType.Symlink => "symbolic link",
        EntryType.Hardlink => "hard link",
        EntryType.CharacterDevice => "character device",
        EntryType.BlockDevice => "block device",
        _ => "named pipe",
    };

    private static int CountNodes(TreeNode root)
    {
        var count = 0;
        var pending = new Stack<TreeNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            foreach (var child in node.Children?.Values ?? Enumerable.Empty<TreeNode>())
            {
                count++;
                pending.Push(child);
            }
        }

        return count;
    }

    private TreeNode? Find(string path, bool followFinal)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = TarPaths.Normalize(path.Length == 0 ? "/" : path)
            ?? throw new ArgumentException($"path '{path}' holds a NUL character", nameof(path));
        var node = ResolveNode(_root, normalized, followFinal, create: null, path);
        return node;
    }
}
