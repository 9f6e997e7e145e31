namespace Snello.Oci.Model;

/// <summary>How a layer's tar stream is compressed.</summary>
public enum Compression
{
    /// <summary>The media type does not say; the content's magic bytes decide.</summary>
    Unknown,

    /// <summary>A plain tar stream.</summary>
    None,

    /// <summary>gzip (RFC 1952).</summary>
    Gzip,

    /// <summary>Zstandard (RFC 8878).</summary>
    Zstd,
}
