namespace Snello.Analysis.Libraries;

/// <summary>Why a file is in a library closure.</summary>
public enum NeededFileKind
{
    /// <summary>A program or library the closure started from.</summary>
    Root,

    /// <summary>The program interpreter a file's PT_INTERP names.</summary>
    Interpreter,

    /// <summary>A shared library a DT_NEEDED entry names.</summary>
    Library,

    /// <summary>A symlink on the way to one of the others.</summary>
    Symlink,

    /// <summary>A loader configuration file (ld.so.conf and what it includes).</summary>
    Configuration,
}
