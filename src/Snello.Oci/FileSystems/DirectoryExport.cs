using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Snello.Oci.Images;
using Snello.Oci.Native;

namespace Snello.Oci.FileSystems;

/// <summary>
/// One export into a staging directory, reading each layer once and applying every member to the in-memory
/// tree and to the disk at the same time. The disk mirrors the tree: a node the tree drops (a whiteout, a
/// name replaced) is removed from disk first, without following symlinks, and a node the tree adds is created
/// where the tree placed it. Tree paths never pass through a symlink, so no write lands behind one, and
/// every file, directory and link is created exclusively (O_EXCL, mkdir, symlink), so nothing is written
/// through an existing name.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class DirectoryExport : ITreeObserver
{
    private const int Private = 0b111_000_000;
    private const int SpecialBits = 0b111_000_000_000;
    private const int CopyBufferSize = 256 * 1024;

    private readonly string _staging;
    private readonly IReadOnlyList<ILayer> _layers;
    private readonly ExportOptions _options;
    private readonly TreeNode _root = TreeNode.CreateRoot();
    private readonly byte[] _buffer = new byte[CopyBufferSize];
    private readonly bool _privileged = Environment.IsPrivilegedProcess;
    private readonly int _umask = LibC.ReadUmask() ?? 0b111_111_111;
    private readonly int _newUid;
    private readonly int _newGid;
    private TarArchiveReader? _reader;
    private long _xattrsFailed;

    public DirectoryExport(string staging, IReadOnlyList<ILayer> layers, ExportOptions options)
    {
        _staging = staging;
        _layers = layers;
        _options = options;
        _newUid = LibC.EffectiveUid;

        // New entries take the group of a setgid directory (and subdirectories inherit the bit) or the
        // process's own group; an owner that already matches needs no chown.
        var status = LibC.LStat(staging);
        _newGid = status is { } s && (s.Mode & 0b010_000_000_000) != 0 ? s.Gid : LibC.EffectiveGid;
    }

    public async Task<ExportSummary> RunAsync(CancellationToken cancellationToken)
    {
        var budget = new ExtractionBudget(_options.Limits);
        for (var i = 0; i < _layers.Count; i++)
        {
            await ApplyLayerAsync(_layers[i], i, budget, cancellationToken).ConfigureAwait(false);
        }

        FinishDirectories(cancellationToken);
        Check(LibC.Chmod(_staging, 0b111_101_101), "chmod", "/");
        return Summarize();
    }

    private async Task ApplyLayerAsync(ILayer layer, int index, ExtractionBudget budget,
        CancellationToken cancellationToken)
    {
        var digest = layer.Descriptor.Digest.ToString();
        if (_options.Logger?.IsEnabled(LogLevel.Debug) == true)
        {
            _options.Logger.LogDebug("Extracting layer {Digest}", digest);
        }

        // The first and only read checks the stored digest and the diff ID, both at the end of the stream,
        // so a layer is drained before the next one starts and any mismatch fails the export.
        var stream = await layer.OpenUncompressedAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // Decompressing and hashing run on their own thread, writing the files on this one.
            using var ahead = new ReadAheadStream(stream);
            var reader = new TarArchiveReader(ahead, digest, budget, synchronous: true);
            _reader = reader;
            while (await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } record)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var member = FileSystemView.Classify(record, index, digest);
                switch (member.Kind)
                {
                    case LayerMemberKind.Opaque:
                        FileSystemView.MakeOpaqueLower(_root, member.Path, index, this);
                        break;
                    case LayerMemberKind.Whiteout:
                        FileSystemView.WhiteOutLower(_root, member.Path, index, this);
                        break;
                    case LayerMemberKind.Entry:
                        FileSystemView.AddEntry(_root, member.Entry!, record.Ordinal, digest, this);
                        break;
                    default:
                        break;
                }
            }

            await reader.DrainAsync(cancellationToken).ConfigureAwait(false);
            _reader = null;
        }
    }

    /// <inheritdoc />
    public void Removing(TreeNode node)
    {
        var full = OnDisk(node);
        if (node.IsDirectory)
        {
            // Directory.Delete removes symlinks inside the tree as links; it never follows them.
            DeleteTree(full);
            return;
        }

        var errno = LibC.Unlink(full);
        if (errno is not (0 or LibC.ENoEnt))
        {
            throw Failed("unlink", node.Path, errno);
        }
    }

    /// <inheritdoc />
    public void Added(TreeNode node)
    {
        var entry = node.Entry!;
        var full = OnDisk(node);
        switch (entry.Type)
        {
            case EntryType.Directory:
                Check(LibC.Mkdir(full, Private), "mkdir", node.Path);
                break;
            case EntryType.RegularFile:
                WriteFile(full, node);
                break;
            case EntryType.Hardlink:
                Link(full, node);
                break;
            case EntryType.Symlink:
                Check(LibC.Symlink(entry.LinkTarget ?? string.Empty, full), "symlink", node.Path);
                ApplyMetadata(full, node, chmod: false);
                break;
            case EntryType.Fifo:
                Check(LibC.Mkfifo(full, 0b110_000_000), "mkfifo", node.Path);
                ApplyMetadata(full, node, chmod: true);
                break;
            default:
                if (_options.Devices && _privileged)
                {
                    Check(LibC.Mknod(full, entry.Type == EntryType.BlockDevice, 0b110_000_000, entry.DeviceMajor,
                        entry.DeviceMinor), "mknod", node.Path);
                    ApplyMetadata(full, node, chmod: true);
                }

                break;
        }
    }

    private void WriteFile(string full, TreeNode node)
    {
        var entry = node.Entry!;
        var created = entry.Mode & 0b111_111_111;
        var fd = LibC.CreateNew(full, created);
        if (fd < 0)
        {
            throw Failed("open", node.Path, -fd);
        }

        try
        {
            // The buffer is filled before each write: most files then take one write(2).
            var filled = _buffer.Length;
            while (filled == _buffer.Length)
            {
                filled = 0;
                int n;
                while (filled < _buffer.Length && (n = _reader!.ReadContent(_buffer.AsSpan(filled))) > 0)
                {
                    filled += n;
                }

                if (filled > 0)
                {
                    Check(LibC.WriteAll(fd, _buffer.AsSpan(0, filled)), "write", node.Path);
                }
            }

            var chowned = NeedsOwner(entry);
            if (chowned)
            {
                // Owner first: chown clears setuid and setgid bits, and the mode below sets them again.
                Check(LibC.Fchown(fd, entry.Uid, entry.Gid), "fchown", node.Path);
            }

            // open(2) applied the umask and cannot set setuid, setgid or sticky; only then is fchmod needed.
            if ((entry.Mode & SpecialBits) != 0 || (created & _umask) != 0)
            {
                Check(LibC.Fchmod(fd, entry.Mode), "fchmod", node.Path);
            }

            SetXattrs(full, entry);
            Check(LibC.SetTimes(fd, entry.ModificationTime), "futimens", node.Path);
        }
        finally
        {
            LibC.Close(fd);
        }
    }

    private void Link(string full, TreeNode node)
    {
        // The tree's link target is the path of the node holding the content, which is on disk now.
        var existing = Path.Join(_staging, node.Entry!.LinkTarget);
        if (LibC.Link(existing, full) != 0)
        {
            File.Copy(existing, full);
        }
    }

    private void FinishDirectories(CancellationToken cancellationToken)
    {
        // Directories last, children before parents: their times would change as entries are added, and a
        // read-only mode would stop the writes.
        var pending = new Stack<(TreeNode Node, bool Visited)>();
        pending.Push((_root, false));
        while (pending.TryPop(out var item))
        {
            var (node, visited) = item;
            if (visited)
            {
                ApplyMetadata(OnDisk(node), node, chmod: true);
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (node.Entry is not null)
            {
                pending.Push((node, true));
            }

            foreach (var child in node.Children!.Values)
            {
                if (child.IsDirectory)
                {
                    pending.Push((child, false));
                }
            }
        }
    }

    private void ApplyMetadata(string full, TreeNode node, bool chmod)
    {
        var entry = node.Entry!;
        if (NeedsOwner(entry))
        {
            // Owner first: chown clears setuid and setgid bits, and the mode below sets them again.
            Check(LibC.Lchown(full, entry.Uid, entry.Gid), "lchown", node.Path);
        }

        if (chmod)
        {
            Check(LibC.Chmod(full, entry.Mode & 0xfff), "chmod", node.Path);
        }

        SetXattrs(full, entry);
        Check(LibC.SetTimes(full, entry.ModificationTime), "utimensat", node.Path);
    }

    private bool NeedsOwner(FileEntry entry) => _privileged && (entry.Uid != _newUid || entry.Gid != _newGid);

    private void SetXattrs(string full, FileEntry entry)
    {
        if (!_privileged || entry.Xattrs is null)
        {
            return;
        }

        foreach (var (name, value) in entry.Xattrs)
        {
            if (LibC.Lsetxattr(full, name, value) != 0)
            {
                _xattrsFailed++;
            }
        }
    }

    private string OnDisk(TreeNode node) => node.Path.Length == 0 ? _staging : _staging + "/" + node.Path;

    private static void Check(int errno, string call, string path)
    {
        if (errno != 0)
        {
            throw Failed(call, path, errno);
        }
    }

    private static IOException Failed(string call, string path, int errno) =>
        new($"{call} failed for '{path}' with errno {errno}");
}
