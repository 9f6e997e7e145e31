using Microsoft.Extensions.Logging;

namespace Snello.Oci.FileSystems;

/// <summary>How <see cref="RootfsExporter"/> writes an image's root filesystem.</summary>
public sealed record ExportOptions
{
    /// <summary>
    /// Whether device nodes are written: created with mknod when exporting to a directory as root, included
    /// in a tar export. Off by default; skipped nodes are counted in <see cref="ExportSummary.DevicesSkipped"/>.
    /// </summary>
    public bool Devices { get; init; }

    /// <summary>The limits on the layers' uncompressed size and entry count.</summary>
    public ExtractionLimits Limits { get; init; } = ExtractionLimits.Default;

    /// <summary>Where protocol steps are logged at Debug; null logs nothing.</summary>
    public ILogger? Logger { get; init; }
}
