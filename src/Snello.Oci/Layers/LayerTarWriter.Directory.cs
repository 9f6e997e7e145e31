using Snello.Oci.Digests;
using Snello.Oci.FileSystems;
using Snello.Oci.Native;

namespace Snello.Oci.Layers;

/// <summary>Tarring a directory on disk: a root filesystem folder presented as one layer.</summary>
public static partial class LayerTarWriter
{
    /// <summary>
    /// Writes the tree under <paramref name="directory"/> (not the directory itself) as one deterministic layer
    /// tar and returns its sha256. Entries are read with lstat: symlinks are stored as links and never
    /// followed; files that share an inode become a regular file and hard links to it (the first path in
    /// sorted order holds the content); owners and modes are taken from disk, names are not looked up.
    /// Sockets are skipped: tar cannot hold them.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> is not a directory.</exception>
    /// <exception cref="IOException">A file changed size while it was being read.</exception>
    public static Task<Digest> WriteDirectoryAsync(string directory, Stream output, LayerTarOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(directory);
        if (LibC.LStat(root) is not { IsDirectory: true })
        {
            throw new DirectoryNotFoundException($"'{directory}' is not a directory; expected a root filesystem " +
                "folder");
        }

        var found = new List<(string Path, string Full, FileStatus Status)>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.TryPop(out var current))
        {
            foreach (var full in Directory.EnumerateFileSystemEntries(current))
            {
                if (LibC.LStat(full) is not { } status)
                {
                    continue;
                }

                found.Add((Path.GetRelativePath(root, full).Replace('\\', '/'), full, status));
                if (status.IsDirectory)
                {
                    pending.Push(full);
                }
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var firstByInode = new Dictionary<(uint, uint, ulong), string>();
        var entries = new List<LayerTarEntry>(found.Count);
        foreach (var (path, full, status) in found)
        {
            if (ToEntry(path, full, status, firstByInode, options) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return WriteAsync(entries, output, options, cancellationToken);
    }

    private static LayerTarEntry? ToEntry(string path, string full, FileStatus status,
        Dictionary<(uint, uint, ulong), string> firstByInode, LayerTarOptions options)
    {
        EntryType type;
        if (status.IsRegular)
        {
            type = EntryType.RegularFile;
            if (status.Links > 1)
            {
                var key = (status.DevMajor, status.DevMinor, status.Inode);
                if (firstByInode.TryGetValue(key, out var first))
                {
                    return Describe(path, full, status, EntryType.Hardlink, first, options);
                }

                firstByInode[key] = path;
            }
        }
        else if (status.IsDirectory)
        {
            type = EntryType.Directory;
        }
        else if (status.IsSymlink)
        {
            return Describe(path, full, status, EntryType.Symlink, new FileInfo(full).LinkTarget, options);
        }
        else if (status.IsCharacterDevice || status.IsBlockDevice)
        {
            type = status.IsBlockDevice ? EntryType.BlockDevice : EntryType.CharacterDevice;
        }
        else if (status.IsFifo)
        {
            type = EntryType.Fifo;
        }
        else
        {
            return null;
        }

        return Describe(path, full, status, type, null, options);
    }

    private static LayerTarEntry Describe(string path, string full, FileStatus status, EntryType type,
        string? linkTarget, LayerTarOptions options)
    {
        var xattrs = options.IncludeXattrs ? LibC.ListXattrs(full) : [];
        return new LayerTarEntry
        {
            Path = path,
            Type = type,
            Mode = status.Permissions,
            Uid = status.Uid,
            Gid = status.Gid,
            Size = type == EntryType.RegularFile ? status.Size : 0,
            ModificationTime = status.ModificationTime,
            LinkTarget = linkTarget,
            DeviceMajor = status.RdevMajor,
            DeviceMinor = status.RdevMinor,
            Xattrs = xattrs.Count > 0 ? xattrs : null,
            OpenContentAsync = type == EntryType.RegularFile
                ? _ => Task.FromResult<Stream>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read,
                    bufferSize: 1, FileOptions.SequentialScan))
                : null,
        };
    }
}
