using Snello.Analysis.Elf;
using Snello.Analysis.Libraries;

namespace Snello.Tests.Analysis.Libraries;

/// <summary>A root filesystem in memory for resolution tests: files, folders and symlinks by absolute path.</summary>
internal sealed class MemoryFileLookup : IFileLookup
{
    private readonly Dictionary<string, FileLookupEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _contents = new(StringComparer.Ordinal);

    public MemoryFileLookup File(string path, byte[] content)
    {
        Parents(path);
        _entries[path] = new FileLookupEntry(FileLookupKind.File);
        _contents[path] = content;
        return this;
    }

    public MemoryFileLookup Text(string path, string text) => File(path, System.Text.Encoding.UTF8.GetBytes(text));

    public MemoryFileLookup Link(string path, string target)
    {
        Parents(path);
        _entries[path] = new FileLookupEntry(FileLookupKind.Symlink, target);
        return this;
    }

    public FileLookupEntry? Stat(string path) => path == "/"
        ? new FileLookupEntry(FileLookupKind.Directory)
        : _entries.GetValueOrDefault(path);

    public ElfFile? ReadElf(string path) =>
        _contents.TryGetValue(path, out var data) && ElfReader.IsElf(data) ? ElfReader.Read(data) : null;

    public byte[]? ReadAllBytes(string path) => _contents.GetValueOrDefault(path);

    public IReadOnlyList<string> List(string path)
    {
        var prefix = path.TrimEnd('/') + "/";
        return _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)
                && !k[prefix.Length..].Contains('/', StringComparison.Ordinal))
            .Select(k => k[prefix.Length..]).Order(StringComparer.Ordinal).ToList();
    }

    private void Parents(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            _entries.TryAdd(path[..slash], new FileLookupEntry(FileLookupKind.Directory));
        }
    }
}
