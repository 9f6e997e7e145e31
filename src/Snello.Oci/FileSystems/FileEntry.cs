namespace Snello.Oci.FileSystems;

/// <summary>One entry of a layer or of the squashed filesystem of an image.</summary>
public sealed record FileEntry
{
    /// <summary>
    /// The normalised path: relative to the root, '/' separated, without a leading '/' and without '.' or '..'
    /// components. Never empty: the root itself is not an entry.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>What kind of entry this is.</summary>
    public required EntryType Type { get; init; }

    /// <summary>Permission bits with setuid, setgid and sticky (masked with 0o7777).</summary>
    public int Mode { get; init; }

    /// <summary>The owner's numeric user ID.</summary>
    public int Uid { get; init; }

    /// <summary>The owner's numeric group ID.</summary>
    public int Gid { get; init; }

    /// <summary>The owner's user name from the tar header, when it had one.</summary>
    public string? UserName { get; init; }

    /// <summary>The owner's group name from the tar header, when it had one.</summary>
    public string? GroupName { get; init; }

    /// <summary>
    /// The content size in bytes for regular files. For hard links in the squashed view it is the size of
    /// the content they share; in a <see cref="LayerTree"/> it is what the header says (usually 0).
    /// </summary>
    public long Size { get; init; }

    /// <summary>The modification time.</summary>
    public DateTimeOffset ModificationTime { get; init; }

    /// <summary>
    /// For a symlink the target exactly as written (resolved inside the root only when followed); for a hard
    /// link the normalised path of the entry it links to.
    /// </summary>
    public string? LinkTarget { get; init; }

    /// <summary>The major number of a device node.</summary>
    public int DeviceMajor { get; init; }

    /// <summary>The minor number of a device node.</summary>
    public int DeviceMinor { get; init; }

    /// <summary>
    /// Extended attributes from PAX <c>SCHILY.xattr.*</c> records, with their values as the raw bytes of the
    /// record (binary values such as <c>security.capability</c> are not decoded as text), or null.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]>? Xattrs { get; init; }

    /// <summary>The index of the layer the entry came from, 0 being the base layer.</summary>
    public int LayerIndex { get; init; }
}
