namespace Snello.Oci.FileSystems;

/// <summary>
/// Bounds on what reading an image's layers may consume, checked while the layers stream, so a decompression
/// bomb or an archive of millions of empty entries stops early. Both count the whole image, all layers.
/// </summary>
public sealed record ExtractionLimits
{
    /// <summary>The default byte limit: 16 GiB.</summary>
    public const long DefaultMaxUncompressedBytes = 16L << 30;

    /// <summary>The default entry limit: 2,000,000.</summary>
    public const long DefaultMaxEntries = 2_000_000;

    /// <summary>The defaults: 16 GiB of uncompressed tar and 2,000,000 entries.</summary>
    public static ExtractionLimits Default { get; } = new();

    /// <summary>
    /// The most uncompressed tar bytes (headers, content and padding) read over all layers. The CLI option
    /// that raises it is <c>--max-size</c>.
    /// </summary>
    public long MaxUncompressedBytes { get; init; } = DefaultMaxUncompressedBytes;

    /// <summary>
    /// The most tar entries read over all layers. The CLI option that raises it is <c>--max-entries</c>.
    /// </summary>
    public long MaxEntries { get; init; } = DefaultMaxEntries;
}
