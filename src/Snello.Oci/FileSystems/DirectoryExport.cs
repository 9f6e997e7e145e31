using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Snello.Oci.Native;

namespace Snello.Oci.FileSystems;

/// <summary>
/// One export into a staging directory. Every path comes from the view, whose paths never pass through a
/// symlink; on disk each parent is also checked with lstat to be a directory this export made, and nothing
/// is created over an existing name, so a symlink can never redirect a write.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class DirectoryExport(string staging, FileSystemView view, ExportOptions options)
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { string.Empty };
    private readonly bool _privileged = Environment.IsPrivilegedProcess;
    private long _files;
    private long _directoryCount;
    private long _symlinks;
    private long _hardlinks;
    private long _fifos;
    private long _devices;
    private long _devicesSkipped;
    private long _xattrsFailed;
    private long _bytes;

    public async Task<ExportSummary> RunAsync(CancellationToken cancellationToken)
    {
        var nodes = view.SortedNodes();
        var written = new List<TreeNode>(nodes.Count);
        foreach (var node in nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (CreateStructure(node))
            {
                written.Add(node);
            }
        }

        foreach (var (layerIndex, members) in RootfsExporter.GroupContent(nodes))
        {
            await WriteContentAsync(layerIndex, members, written, cancellationToken).ConfigureAwait(false);
        }

        // Directories last, deepest first: their times would change as entries are added, and a read-only
        // mode would stop the writes.
        written.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        foreach (var node in written.Where(n => !n.IsDirectory))
        {
            ApplyMetadata(node);
        }

        for (var i = written.Count - 1; i >= 0; i--)
        {
            if (written[i].IsDirectory)
            {
                ApplyMetadata(written[i]);
            }
        }

        File.SetUnixFileMode(staging, (UnixFileMode)0b111_101_101);
        return new ExportSummary
        {
            Files = _files,
            Directories = _directoryCount,
            Symlinks = _symlinks,
            Hardlinks = _hardlinks,
            Fifos = _fifos,
            Devices = _devices,
            DevicesSkipped = _devicesSkipped,
            XattrsFailed = _xattrsFailed,
            BytesWritten = _bytes,
        };
    }

    private bool CreateStructure(TreeNode node)
    {
        var entry = node.Entry!;
        if (entry.Type is EntryType.RegularFile or EntryType.Hardlink)
        {
            return false;
        }

        if (entry.Type is EntryType.CharacterDevice or EntryType.BlockDevice && !(options.Devices && _privileged))
        {
            _devicesSkipped++;
            return false;
        }

        var full = FreshPath(node.Path);
        switch (entry.Type)
        {
            case EntryType.Directory:
                Directory.CreateDirectory(full, Private);
                _directories.Add(node.Path);
                _directoryCount++;
                break;
            case EntryType.Symlink:
                File.CreateSymbolicLink(full, entry.LinkTarget ?? string.Empty);
                _symlinks++;
                break;
            case EntryType.Fifo:
                Check(LibC.Mkfifo(full, 0b110_000_000), "mkfifo", node.Path);
                _fifos++;
                break;
            default:
                Check(LibC.Mknod(full, entry.Type == EntryType.BlockDevice, 0b110_000_000, entry.DeviceMajor,
                    entry.DeviceMinor), "mknod", node.Path);
                _devices++;
                break;
        }

        return true;
    }

    private async Task WriteContentAsync(int layerIndex, Dictionary<int, List<TreeNode>> members,
        List<TreeNode> written, CancellationToken cancellationToken)
    {
        var layer = view.Sources[layerIndex];
        var digest = layer.Descriptor.Digest.ToString();
        if (options.Logger?.IsEnabled(LogLevel.Debug) == true)
        {
            options.Logger.LogDebug("Writing {Count} files of layer {Digest}", members.Count, digest);
        }

        var stream = await RootfsExporter.OpenSecondReadAsync(layer, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var reader = new TarArchiveReader(stream, digest, new ExtractionBudget(options.Limits));
            while (members.Count > 0 && await reader.NextAsync(cancellationToken).ConfigureAwait(false) is { } record)
            {
                if (!members.Remove(record.Ordinal, out var group))
                {
                    continue;
                }

                var first = group[0];
                var full = FreshPath(first.Path);
                var file = new FileStream(full, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                    BufferSize = 0,
                });
                await using (file.ConfigureAwait(false))
                {
                    await reader.CopyContentToAsync(file, cancellationToken).ConfigureAwait(false);
                    _bytes += file.Length;
                }

                _files++;
                written.Add(first);
                foreach (var other in group.Skip(1))
                {
                    var link = FreshPath(other.Path);
                    if (LibC.Link(full, link) != 0)
                    {
                        File.Copy(full, link);
                    }

                    _hardlinks++;
                    written.Add(other);
                }
            }

            if (members.Count > 0)
            {
                throw RootfsExporter.MissingMembers(digest, members);
            }

            await reader.DrainAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void ApplyMetadata(TreeNode node)
    {
        var entry = node.Entry!;
        var full = Path.Combine(staging, node.Path);
        var isLink = entry.Type == EntryType.Symlink;
        if (_privileged)
        {
            // Owner first: chown clears setuid and setgid bits, and the mode below sets them again.
            Check(LibC.Lchown(full, entry.Uid, entry.Gid), "lchown", node.Path);
        }

        if (!isLink)
        {
            File.SetUnixFileMode(full, (UnixFileMode)(entry.Mode & 0xfff));
        }

        if (_privileged && entry.Xattrs is not null)
        {
            foreach (var (name, value) in entry.Xattrs)
            {
                if (LibC.Lsetxattr(full, name, value) != 0)
                {
                    _xattrsFailed++;
                }
            }
        }

        Check(LibC.SetTimes(full, entry.ModificationTime), "utimensat", node.Path);
    }

    /// <summary>
    /// The staging path for <paramref name="path"/>, after checking that its parent is a directory this export
    /// created (and lstat still says so) and that nothing exists there yet.
    /// </summary>
    private string FreshPath(string path)
    {
        var parent = TarPaths.Parent(path);
        var parentFull = parent.Length == 0 ? staging : Path.Combine(staging, parent);
        if (!_directories.Contains(parent) || LibC.LStat(parentFull) is not { IsDirectory: true })
        {
            throw new IOException($"export refuses to write '{path}': its parent '{parent}' is not a directory " +
                "the export created");
        }

        var full = Path.Combine(staging, path);
        if (LibC.LStat(full) is not null)
        {
            throw new IOException($"export refuses to write '{path}': something already exists there");
        }

        return full;
    }

    private static void Check(int errno, string call, string path)
    {
        if (errno != 0)
        {
            throw new IOException($"{call} failed for '{path}' with errno {errno}");
        }
    }
}
