using Snello.Oci.FileSystems;

namespace Snello.Oci.Layers;

/// <summary>One member for <see cref="LayerTarWriter"/>: metadata, and for a regular file a way to read it.</summary>
public sealed record LayerTarEntry
{
    /// <summary>The path inside the layer; normalised on writing ('/a', './a' and 'a' are the same).</summary>
    public required string Path { get; init; }

    /// <summary>What kind of member this is.</summary>
    public required EntryType Type { get; init; }

    /// <summary>Permission bits with setuid, setgid and sticky.</summary>
    public int Mode { get; init; }

    /// <summary>The owner's user ID, written as given.</summary>
    public int Uid { get; init; }

    /// <summary>The owner's group ID, written as given.</summary>
    public int Gid { get; init; }

    /// <summary>The user name, written as given (null writes none).</summary>
    public string? UserName { get; init; }

    /// <summary>The group name, written as given (null writes none).</summary>
    public string? GroupName { get; init; }

    /// <summary>The content size of a regular file; the content must have exactly this length.</summary>
    public long Size { get; init; }

    /// <summary>The modification time, used when <see cref="LayerTarOptions.ModificationTime"/> is null.</summary>
    public DateTimeOffset ModificationTime { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>A symlink's target as written, or the path of a hard link's target inside the layer.</summary>
    public string? LinkTarget { get; init; }

    /// <summary>The major number of a device node.</summary>
    public int DeviceMajor { get; init; }

    /// <summary>The minor number of a device node.</summary>
    public int DeviceMinor { get; init; }

    /// <summary>Extended attributes, written as PAX <c>SCHILY.xattr.*</c> records with raw byte values.</summary>
    public IReadOnlyDictionary<string, byte[]>? Xattrs { get; init; }

    /// <summary>Opens a regular file's content; null for an empty file and for other kinds.</summary>
    public Func<CancellationToken, Task<Stream>>? OpenContentAsync { get; init; }
}
