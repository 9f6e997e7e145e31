namespace Snello.Oci.FileSystems;

/// <summary>Path resolution inside the tree, chroot-style.</summary>
public sealed partial class FileSystemView
{
    /// <summary>
    /// Walks <paramref name="path"/> from <paramref name="root"/>, following symlinks as the kernel would with
    /// the tree as its root: an absolute target restarts at the root and '..' stops there, so no path ever
    /// leads outside. With <paramref name="create"/> set (the layer index), missing directories are made and a
    /// non-directory in the way is replaced by a directory, as extracting a member there would do;
    /// <paramref name="observer"/> hears of those changes.
    /// </summary>
    internal static TreeNode? ResolveNode(TreeNode root, string path, bool followFinal, int? create,
        string display, ITreeObserver? observer = null)
    {
        if (WalkDirectories(root, path) is { } directory)
        {
            return directory;
        }

        var pending = new Stack<string>(path.Split('/').Reverse());
        var current = root;
        var links = 0;
        while (pending.TryPop(out var name))
        {
            if (name is "" or ".")
            {
                continue;
            }

            if (name == "..")
            {
                current = current.Parent ?? root;
                continue;
            }

            var isLast = !pending.Any(c => c is not ("" or "."));
            if (!current.Children!.TryGetValue(name, out var child))
            {
                if (create is not { } layer)
                {
                    return null;
                }

                child = current.AddChild(name, ImpliedDirectory(layer), observer: observer);
            }

            if (child.Entry!.Type == EntryType.Symlink && (!isLast || followFinal))
            {
                if (++links > SymlinkLoopException.MaxLinks)
                {
                    throw new SymlinkLoopException(display);
                }

                var target = child.Entry.LinkTarget ?? string.Empty;
                if (target.StartsWith('/'))
                {
                    current = root;
                }

                foreach (var component in target.Split('/').Reverse())
                {
                    pending.Push(component);
                }

                continue;
            }

            if (!isLast && !child.IsDirectory)
            {
                if (create is not { } layer)
                {
                    return null;
                }

                child = current.AddChild(name, ImpliedDirectory(layer), observer: observer);
            }

            current = child;
        }

        return current;
    }

    /// <summary>
    /// The common case without allocating: every component of <paramref name="path"/> is a plain name of a
    /// directory that exists. Null as soon as one is not (missing, a symlink, a file, '.' or '..'); the full
    /// walk then decides, from the start.
    /// </summary>
    private static TreeNode? WalkDirectories(TreeNode root, string path)
    {
        var current = root;
        var rest = path.AsSpan();
        while (!rest.IsEmpty)
        {
            var slash = rest.IndexOf('/');
            var name = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? [] : rest[(slash + 1)..];
            if (name.IsEmpty || name is "." or ".."
                || !current.Children!.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var child)
                || !child.IsDirectory)
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    /// <summary>A directory no member names but a member's path needs: root-owned, mode 0755, time 0.</summary>
    internal static FileEntry ImpliedDirectory(int layer) => new()
    {
        Path = string.Empty,
        Type = EntryType.Directory,
        Mode = 0b111_101_101,
        ModificationTime = DateTimeOffset.UnixEpoch,
        LayerIndex = layer,
    };
}
