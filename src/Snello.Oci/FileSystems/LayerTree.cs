namespace Snello.Oci.FileSystems;

/// <summary>One layer's entries as that layer holds them, before the layers above it are applied.</summary>
public sealed record LayerTree
{
    /// <summary>The layer's position, 0 being the base layer.</summary>
    public required int Index { get; init; }

    /// <summary>The digest of the stored layer blob.</summary>
    public required string Digest { get; init; }

    /// <summary>
    /// The entries in archive order, paths normalised lexically (symlinks of lower layers are not applied here),
    /// whiteout markers left out.
    /// </summary>
    public required IReadOnlyList<FileEntry> Entries { get; init; }

    /// <summary>The paths this layer deletes from the layers below (OCI image spec, layer.md: whiteouts).</summary>
    public required IReadOnlyList<string> Whiteouts { get; init; }

    /// <summary>The directories whose lower content this layer hides (layer.md: opaque whiteouts).</summary>
    public required IReadOnlyList<string> OpaqueDirectories { get; init; }

    /// <summary>The size of the uncompressed tar stream in bytes.</summary>
    public required long UncompressedSize { get; init; }
}
