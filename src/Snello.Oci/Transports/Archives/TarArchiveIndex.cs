namespace Snello.Oci.Transports.Archives;

/// <summary>
/// The regular files of an uncompressed tar archive with where their data lies, found in one pass over the
/// headers (data is seeked over, not read), so any member can be opened later without extracting the archive.
/// </summary>
internal sealed class TarArchiveIndex
{
    private readonly Dictionary<string, (long Offset, long Length)> _members;

    private TarArchiveIndex(string path, Dictionary<string, (long, long)> members)
    {
        Path = path;
        _members = members;
    }

    public string Path { get; }

    public IEnumerable<string> Names => _members.Keys;

    /// <exception cref="ImageFormatException">The file is not an uncompressed tar archive.</exception>
    public static TarArchiveIndex Open(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new ImageFormatException($"{what} '{path}' does not exist");
        }

        Dictionary<string, (long, long)> members;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            members = TarHeaderScanner.Scan(file, path, what);
        }

        if (members.Count == 0)
        {
            throw new ImageFormatException($"{what} '{path}' holds no files; expected a tar archive of an image");
        }

        return new TarArchiveIndex(path, members);
    }

    public bool Contains(string name) => _members.ContainsKey(Normalize(name));

    public long LengthOf(string name) => _members[Normalize(name)].Length;

    /// <exception cref="ImageFormatException">The archive has no such member.</exception>
    public Stream Open(string name)
    {
        if (!_members.TryGetValue(Normalize(name), out var member))
        {
            throw new ImageFormatException($"archive '{Path}' has no member '{name}'");
        }

        var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return new FileSliceStream(file, member.Offset, member.Length);
    }

    public byte[] ReadAll(string name, long limit)
    {
        var length = LengthOf(name);
        if (length > limit)
        {
            throw new ImageFormatException($"archive '{Path}' member '{name}' is {length} bytes; over {limit} refused");
        }

        using var stream = Open(name);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static string Normalize(string name)
    {
        var n = name.Replace('\\', '/');
        while (n.StartsWith("./", StringComparison.Ordinal))
        {
            n = n[2..];
        }

        return n.TrimStart('/');
    }
}
