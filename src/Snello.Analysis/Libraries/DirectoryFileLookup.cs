using Snello.Analysis.Elf;

namespace Snello.Analysis.Libraries;

/// <summary>
/// A root filesystem in a folder on the host (an extracted image, a chroot, or '/' itself). Paths are taken
/// relative to the folder; symlinks are reported, never followed, so absolute targets stay inside the root.
/// </summary>
/// <param name="root">The folder that stands for '/'.</param>
public sealed class DirectoryFileLookup(string root) : IFileLookup
{
    private const int MaxReadBytes = 16 << 20;

    private readonly string _root = Path.GetFullPath(root).TrimEnd('/');

    /// <inheritdoc />
    public FileLookupEntry? Stat(string path)
    {
        var info = new FileInfo(HostPath(path));
        if ((int)info.Attributes == -1)
        {
            return null;
        }

        if (info.LinkTarget is { } target)
        {
            return new FileLookupEntry(FileLookupKind.Symlink, target);
        }

        if (info.Attributes.HasFlag(FileAttributes.Directory))
        {
            return new FileLookupEntry(FileLookupKind.Directory);
        }

        return new FileLookupEntry(info.Attributes.HasFlag(FileAttributes.Device)
            ? FileLookupKind.Other
            : FileLookupKind.File);
    }

    /// <inheritdoc />
    public ElfFile? ReadElf(string path)
    {
        try
        {
            using var stream = new FileStream(HostPath(path), FileMode.Open, FileAccess.Read, FileShare.Read,
                bufferSize: 0, FileOptions.RandomAccess);
            Span<byte> magic = stackalloc byte[4];
            if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || !ElfReader.IsElf(magic))
            {
                return null;
            }

            stream.Position = 0;
            return ElfReader.Read(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
            or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public byte[]? ReadAllBytes(string path)
    {
        var info = new FileInfo(HostPath(path));
        if (!info.Exists || info.Length > MaxReadBytes)
        {
            return null;
        }

        try
        {
            return File.ReadAllBytes(info.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> List(string path)
    {
        var directory = HostPath(path);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var names = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>()
            .ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private string HostPath(string path) => _root + "/" + path.TrimStart('/');
}
