using Snello.Oci.Images;

namespace Snello.Oci.FileSystems;

/// <summary>Building the view: reading each layer once and applying it (OCI image spec, layer.md).</summary>
public sealed partial class FileSystemView
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";

    /// <summary>Builds the view of <paramref name="image"/>'s layers.</summary>
    /// <inheritdoc cref="BuildAsync(IReadOnlyList{ILayer}, ExtractionLimits, CancellationToken)" path="/exception"/>
    public static Task<FileSystemView> BuildAsync(IImage image, ExtractionLimits limits,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        return BuildAsync(image.Layers, limits, cancellationToken);
    }

    /// <summary>
    /// Builds the view of <paramref name="layers"/>, base first. Each layer is read once, to its end, so its
    /// digests are checked; content is not kept, only metadata.
    /// </summary>
    /// <exception cref="LimitExceededException">
    /// The layers hold more bytes or entries than the limits allow.
    /// </exception>
    /// <exception cref="Digests.DigestMismatchException">A layer fails its digest or diff ID.</exception>
    /// <exception cref="SymlinkLoopException">A member's parent directories hold a symlink loop.</exception>
    /// <exception cref="ImageFormatException">
    /// A layer is not a tar archive, is truncated, or holds a member no filesystem can have; the message names
    /// the layer's digest.
    /// </exception>
    public static Task<FileSystemView> BuildAsync(IReadOnlyList<ILayer> layers, ExtractionLimits limits,
        CancellationToken cancellationToken = default) =>
        BuildAsync(layers, limits, synchronous: false, cancellationToken);

    /// <summary>
    /// Builds the view, reading the layers with blocking calls when <paramref name="synchronous"/> is set (the
    /// exporters, which write synchronously anyway and read local blobs, where async reads only add hops).
    /// </summary>
    internal static async Task<FileSystemView> BuildAsync(IReadOnlyList<ILayer> layers, ExtractionLimits limits,
        bool synchronous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(limits);
        var root = TreeNode.CreateRoot();
        var budget = new ExtractionBudget(limits);
        var trees = new List<LayerTree>(layers.Count);
        for (var i = 0; i < layers.Count; i++)
        {
            var (tree, ordinals) = await ReadLayerAsync(layers[i], i, budget, synchronous, cancellationToken)
                .ConfigureAwait(false);
            Apply(root, tree, ordinals);
            trees.Add(tree);
        }

        return new FileSystemView(root, layers, trees, limits);
    }

    private static async Task<(LayerTree Tree, List<int> Ordinals)> ReadLayerAsync(ILayer layer, int index,
        ExtractionBudget budget, bool synchronous, CancellationToken cancellationToken)
    {
        var digest = layer.Descriptor.Digest.ToString();
        var entries = new List<FileEntry>();
        var ordinals = new List<int>();
        var whiteouts = new List<string>();
        var opaque = new List<string>();
        var stream = await layer.OpenUncompressedAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var reader = synchronous
                ? new TarArchiveReader(new BufferedStream(stream, TarArchiveReader.ReadAheadSize), digest, budget,
                    synchronous: true)
                : new TarArchiveReader(stream, digest, budget);
            while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } record)
            {
                var member = Classify(record, index, digest);
                switch (member.Kind)
                {
                    case LayerMemberKind.Opaque:
                        opaque.Add(member.Path);
                        break;
                    case LayerMemberKind.Whiteout:
                        whiteouts.Add(member.Path);
                        break;
                    case LayerMemberKind.Entry:
                        entries.Add(member.Entry!);
                        ordinals.Add(record.Ordinal);
                        break;
                    default:
                        break;
                }
            }

            await reader.DrainAsync(cancellationToken).ConfigureAwait(false);
            var tree = new LayerTree
            {
                Index = index,
                Digest = digest,
                Entries = entries,
                Whiteouts = whiteouts,
                OpaqueDirectories = opaque,
                UncompressedSize = reader.BytesRead,
            };
            return (tree, ordinals);
        }
    }

    /// <summary>What <paramref name="record"/> of layer <paramref name="index"/> does to the filesystem.</summary>
    internal static LayerMember Classify(TarRecord record, int index, string digest)
    {
        var path = NormalizeMember(record.Name, digest);
        if (path.Length == 0)
        {
            return default;
        }

        var name = TarPaths.Name(path);
        if (name == OpaqueMarker)
        {
            return new LayerMember(LayerMemberKind.Opaque, TarPaths.Parent(path), null);
        }

        if (name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            // Other ".wh..wh." names are aufs bookkeeping (layer.md asks to ignore them).
            if (!name.StartsWith(WhiteoutPrefix + WhiteoutPrefix, StringComparison.Ordinal)
                && name.Length > WhiteoutPrefix.Length)
            {
                var deleted = TarPaths.Join(TarPaths.Parent(path), name[WhiteoutPrefix.Length..]);
                return new LayerMember(LayerMemberKind.Whiteout, deleted, null);
            }

            return default;
        }

        return ToEntry(record, path, index, digest) is { } entry
            ? new LayerMember(LayerMemberKind.Entry, path, entry)
            : default;
    }

    private static string NormalizeMember(string raw, string digest) =>
        TarPaths.Normalize(raw) ?? throw new ImageFormatException(
            $"layer '{digest}' holds a member named '{raw.Replace("\0", "\\0", StringComparison.Ordinal)}'; " +
            "expected a non-empty path without NUL characters");

    private static FileEntry? ToEntry(TarRecord record, string path, int index, string digest)
    {
        EntryType type;
        switch (record.TypeFlag)
        {
            case '0' or '\0' or '7':
                type = EntryType.RegularFile;
                break;
            case '1':
                type = EntryType.Hardlink;
                break;
            case '2':
                type = EntryType.Symlink;
                break;
            case '3':
                type = EntryType.CharacterDevice;
                break;
            case '4':
                type = EntryType.BlockDevice;
                break;
            case '5' or 'D':
                type = EntryType.Directory;
                break;
            case '6':
                type = EntryType.Fifo;
                break;
            case 'V':
                // A GNU volume label names the archive, not a file.
                return null;
            default:
                throw new ImageFormatException($"layer '{digest}' holds '{record.Name}' of tar type " +
                    $"'{record.TypeFlag}'; expected a file, directory, link, device or FIFO");
        }

        var linkTarget = type switch
        {
            EntryType.Symlink => record.LinkName,
            EntryType.Hardlink => NormalizeMember(record.LinkName, digest) is { Length: > 0 } target
                ? target
                : throw new ImageFormatException(
                    $"layer '{digest}' holds the hard link '{record.Name}' to the root directory"),
            _ => null,
        };
        return new FileEntry
        {
            Path = path,
            Type = type,
            Mode = record.Mode & 0xfff,
            Uid = ToId(record.Uid, "uid", record.Name, digest),
            Gid = ToId(record.Gid, "gid", record.Name, digest),
            UserName = record.UserName,
            GroupName = record.GroupName,
            Size = type == EntryType.RegularFile ? record.Size : 0,
            ModificationTime = record.ModificationTime,
            LinkTarget = linkTarget,
            DeviceMajor = (int)record.DeviceMajor,
            DeviceMinor = (int)record.DeviceMinor,
            Xattrs = record.Xattrs,
            LayerIndex = index,
        };
    }

    private static int ToId(long value, string field, string member, string digest) =>
        value is >= 0 and <= int.MaxValue
            ? (int)value
            : throw new ImageFormatException($"layer '{digest}' gives '{member}' the {field} {value}; " +
                $"expected 0 to {int.MaxValue}");

    private static void Apply(TreeNode root, LayerTree tree, List<int> ordinals)
    {
        // Whiteouts apply to the layers below only (layer.md), so they go first: members of this layer that
        // sit in an opaque directory or share a whited-out name survive.
        foreach (var directory in tree.OpaqueDirectories)
        {
            var node = ResolveNode(root, directory, followFinal: true, create: null, directory);
            node?.Children?.Clear();
        }

        foreach (var path in tree.Whiteouts)
        {
            var parent = ResolveNode(root, TarPaths.Parent(path), followFinal: true, create: null, path);
            parent?.Children?.Remove(TarPaths.Name(path));
        }

        for (var i = 0; i < tree.Entries.Count; i++)
        {
            AddEntry(root, tree.Entries[i], ordinals[i], tree.Digest);
        }
    }

    /// <summary>Adds <paramref name="entry"/> (member <paramref name="ordinal"/> of its layer) to the tree.</summary>
    internal static void AddEntry(TreeNode root, FileEntry entry, int ordinal, string digest,
        ITreeObserver? observer = null)
    {
        var parent = ResolveNode(root, TarPaths.Parent(entry.Path), followFinal: true, create: entry.LayerIndex,
            entry.Path, observer)!;
        var name = TarPaths.Name(entry.Path);
        parent.Children!.TryGetValue(name, out var existing);
        switch (entry.Type)
        {
            case EntryType.Directory when existing is { IsDirectory: true }:
                // Directories merge: the new metadata, the old children.
                existing.Entry = entry with { Path = existing.Path };
                break;
            case EntryType.RegularFile:
                parent.AddChild(name, entry, new ContentSource(entry.LayerIndex, ordinal, entry.Size), observer);
                break;
            case EntryType.Hardlink:
                AddHardlink(root, parent, name, entry, digest, observer);
                break;
            default:
                parent.AddChild(name, entry, observer: observer);
                break;
        }
    }

    private static void AddHardlink(TreeNode root, TreeNode parent, string name, FileEntry entry, string digest,
        ITreeObserver? observer)
    {
        var target = ResolveNode(root, entry.LinkTarget!, followFinal: false, create: null, entry.LinkTarget!);
        if (target?.Entry is not { } targetEntry || target.IsDirectory)
        {
            throw new ImageFormatException($"layer '{digest}' holds the hard link '{entry.Path}' to " +
                $"'{entry.LinkTarget}', which is not a file in the image; expected a link to an earlier member");
        }

        if (parent.Children!.TryGetValue(name, out var existing) && ReferenceEquals(existing, target))
        {
            // A link to itself names the file it already is.
            return;
        }

        if (target.Content is not { } content)
        {
            // A hard link to a symlink, device or FIFO is that entry again under a second name.
            parent.AddChild(name, targetEntry with { LayerIndex = entry.LayerIndex }, observer: observer);
            return;
        }

        var link = entry with { LinkTarget = target.Path, Size = content.Size };
        parent.AddChild(name, link, content, observer);
    }
}
