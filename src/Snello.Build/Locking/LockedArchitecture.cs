namespace Snello.Build.Locking;

/// <summary>The packages pinned for one architecture of the image.</summary>
public sealed record LockedArchitecture
{
    /// <summary>The packages, sorted by name when written.</summary>
    public required IReadOnlyList<LockedPackage> Packages { get; init; }

    /// <summary>
    /// The debug toolbox (busybox-static), pinned beside the packages so a <c>--debug</c> build is as
    /// reproducible as a plain one; fetched only for debug builds.
    /// </summary>
    public IReadOnlyList<LockedPackage> Toolbox { get; init; } = [];
}
