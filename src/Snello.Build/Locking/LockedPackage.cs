namespace Snello.Build.Locking;

/// <summary>One pinned package file in a lock: what was resolved and where its bytes come from.</summary>
public sealed record LockedPackage
{
    /// <summary>The package name, such as <c>libc6</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The Debian version, such as <c>2.36-9+deb12u10</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The package's architecture: the image's, or <c>all</c>.</summary>
    public required string Architecture { get; init; }

    /// <summary>The SHA-256 of the .deb file, 64 lowercase hex digits.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The file's path below the repository root, as the Packages index names it (<c>pool/...</c>).</summary>
    public required string Filename { get; init; }

    /// <summary>The file's size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The repository it came from, by name: <c>bookworm</c>, <c>bookworm-security</c>, ...</summary>
    public required string Repository { get; init; }

    /// <summary>The <c>Date</c> of the Release file whose index listed the package.</summary>
    public required DateTimeOffset IndexDate { get; init; }
}
