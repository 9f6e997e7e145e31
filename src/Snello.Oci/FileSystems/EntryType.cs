namespace Snello.Oci.FileSystems;

/// <summary>The kind of a filesystem entry, as a tar header's type flag names it.</summary>
public enum EntryType
{
    /// <summary>A regular file with content.</summary>
    RegularFile,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link; its target is kept as written.</summary>
    Symlink,

    /// <summary>A hard link to an earlier regular file.</summary>
    Hardlink,

    /// <summary>A character device node.</summary>
    CharacterDevice,

    /// <summary>A block device node.</summary>
    BlockDevice,

    /// <summary>A named pipe.</summary>
    Fifo,
}
