namespace Snello.Oci.FileSystems;

/// <summary>What an export wrote.</summary>
public sealed record ExportSummary
{
    /// <summary>Regular files written with their content.</summary>
    public long Files { get; init; }

    /// <summary>Directories written.</summary>
    public long Directories { get; init; }

    /// <summary>Symbolic links written.</summary>
    public long Symlinks { get; init; }

    /// <summary>Hard links written (on disk, copies made where link(2) failed are counted here too).</summary>
    public long Hardlinks { get; init; }

    /// <summary>Named pipes written.</summary>
    public long Fifos { get; init; }

    /// <summary>Device nodes written.</summary>
    public long Devices { get; init; }

    /// <summary>
    /// Device nodes left out: <see cref="ExportOptions.Devices"/> was off, or (on disk) the process is not root.
    /// </summary>
    public long DevicesSkipped { get; init; }

    /// <summary>Extended attributes that could not be set on disk (a directory export, as root only).</summary>
    public long XattrsFailed { get; init; }

    /// <summary>
    /// Bytes written: the content of regular files for a directory export, the whole tar stream for a tar
    /// export.
    /// </summary>
    public long BytesWritten { get; init; }
}
