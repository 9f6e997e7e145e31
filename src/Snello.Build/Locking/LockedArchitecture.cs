namespace Snello.Build.Locking;

/// <summary>The packages pinned for one architecture of the image.</summary>
public sealed record LockedArchitecture
{
    /// <summary>The packages, sorted by name when written.</summary>
    public required IReadOnlyList<LockedPackage> Packages { get; init; }
}
