namespace Snello.Analysis.Libraries;

/// <summary>What a path names, as lstat would say.</summary>
public enum FileLookupKind
{
    /// <summary>A regular file (or a hard link to one).</summary>
    File,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link, not followed.</summary>
    Symlink,

    /// <summary>A device, FIFO or socket.</summary>
    Other,
}
