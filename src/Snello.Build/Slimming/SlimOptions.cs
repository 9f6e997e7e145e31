using Microsoft.Extensions.Logging;
using Snello.Oci.Caching;
using Snello.Oci.FileSystems;

namespace Snello.Build.Slimming;

/// <summary>How to slim an image.</summary>
public sealed record SlimOptions
{
    /// <summary>Where the new layer blob is stored (and temporary content staged).</summary>
    public required BlobCache Cache { get; init; }

    /// <summary>
    /// Globs of paths kept whatever the analysis says (<see cref="Paths.GlobPattern"/>); one that names a
    /// directory keeps everything below it.
    /// </summary>
    public IReadOnlyList<string> Keep { get; init; } = [];

    /// <summary>Ceilings for reading the source layers.</summary>
    public ExtractionLimits Limits { get; init; } = new();

    /// <summary>Where protocol steps are logged; null for none.</summary>
    public ILogger? Logger { get; init; }
}
