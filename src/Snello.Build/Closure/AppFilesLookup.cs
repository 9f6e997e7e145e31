using Snello.Analysis.Elf;
using Snello.Analysis.Libraries;
using Snello.Build.Assembly;

namespace Snello.Build.Closure;

/// <summary>
/// The files a spec copies from the host, seen at their image paths, as the loader-path resolution reads a
/// root filesystem. Nothing else is in it: whatever a program needs beyond these files must come from packages.
/// </summary>
internal sealed class AppFilesLookup : IFileLookup
{
    private readonly Dictionary<string, string?> _hostPaths = new(StringComparer.Ordinal);

    public AppFilesLookup(IEnumerable<FileInput> files)
    {
        _hostPaths["/"] = null;
        foreach (var file in files)
        {
            var destination = "/" + file.Destination.Trim('/');
            AddAncestors(destination);
            if (Directory.Exists(file.Source) && new DirectoryInfo(file.Source).LinkTarget is null)
            {
                AddFolder(file.Source, destination);
            }
            else
            {
                _hostPaths[destination] = file.Source;
            }
        }
    }

    /// <summary>Every regular file's image path, sorted.</summary>
    public IEnumerable<string> Files => _hostPaths
        .Where(p => p.Value is not null && Stat(p.Key)?.Kind == FileLookupKind.File)
        .Select(p => p.Key)
        .Order(StringComparer.Ordinal);

    public FileLookupEntry? Stat(string path)
    {
        if (!_hostPaths.TryGetValue(path, out var host))
        {
            return null;
        }

        if (host is null)
        {
            return new FileLookupEntry(FileLookupKind.Directory);
        }

        var info = new FileInfo(host);
        if (info.LinkTarget is { } target)
        {
            return new FileLookupEntry(FileLookupKind.Symlink, target);
        }

        return info.Exists ? new FileLookupEntry(FileLookupKind.File) : null;
    }

    public ElfFile? ReadElf(string path)
    {
        if (!_hostPaths.TryGetValue(path, out var host) || host is null || !File.Exists(host))
        {
            return null;
        }

        using var stream = File.OpenRead(host);
        Span<byte> magic = stackalloc byte[4];
        if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || !ElfReader.IsElf(magic))
        {
            return null;
        }

        stream.Position = 0;
        return ElfReader.Read(stream);
    }

    public byte[]? ReadAllBytes(string path) =>
        _hostPaths.TryGetValue(path, out var host) && host is not null && File.Exists(host)
            ? File.ReadAllBytes(host)
            : null;

    public IReadOnlyList<string> List(string path)
    {
        var prefix = path == "/" ? "/" : path + "/";
        return _hostPaths.Keys
            .Where(p => p.Length > prefix.Length && p.StartsWith(prefix, StringComparison.Ordinal)
                && p.IndexOf('/', prefix.Length) < 0)
            .Select(p => p[prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private void AddAncestors(string path)
    {
        for (var parent = Parent(path); parent != "/"; parent = Parent(parent))
        {
            _hostPaths.TryAdd(parent, null);
        }
    }

    private void AddFolder(string hostFolder, string destination)
    {
        _hostPaths.TryAdd(destination, null);
        foreach (var entry in new DirectoryInfo(hostFolder).EnumerateFileSystemInfos())
        {
            var image = destination + "/" + entry.Name;
            if (entry is DirectoryInfo folder && folder.LinkTarget is null)
            {
                AddFolder(folder.FullName, image);
            }
            else
            {
                _hostPaths[image] = entry.FullName;
            }
        }
    }

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
