namespace Snello.Build.Pipeline;

/// <summary>Where a build spent its time, with downloads apart so benchmarks can subtract them.</summary>
public sealed class BuildTimings
{
    /// <summary>Seconds spent fetching, verifying and reading archive indexes (their transfer counts in
    /// <see cref="DownloadSeconds"/> too).</summary>
    public double IndexSeconds { get; set; }

    /// <summary>Seconds spent resolving dependencies and library closures.</summary>
    public double ResolveSeconds { get; set; }

    /// <summary>Seconds spent on the network: index files, and the .deb files that were not cached.</summary>
    public double DownloadSeconds { get; set; }

    /// <summary>Bytes fetched from the mirror: index files and .deb files (cached files count nothing).</summary>
    public long DownloadBytes { get; set; }

    /// <summary>Seconds spent reading packages and writing layers.</summary>
    public double AssembleSeconds { get; set; }
}
