namespace Snello.Oci.Model;

/// <summary>
/// The media types of the OCI image spec (media-types.md) and of Docker's image manifest v2, schema 2.
/// </summary>
public static class MediaTypes
{
    /// <summary>OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>OCI image index.</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>OCI image config.</summary>
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";

    /// <summary>OCI layer, uncompressed tar.</summary>
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar";

    /// <summary>OCI layer, gzip.</summary>
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";

    /// <summary>OCI layer, zstd.</summary>
    public const string OciLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";

    /// <summary>OCI non-distributable layer, uncompressed (deprecated by the spec, still passed through).</summary>
    public const string OciForeignLayer = "application/vnd.oci.image.layer.nondistributable.v1.tar";

    /// <summary>OCI non-distributable layer, gzip.</summary>
    public const string OciForeignLayerGzip = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";

    /// <summary>OCI non-distributable layer, zstd.</summary>
    public const string OciForeignLayerZstd = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";

    /// <summary>The empty JSON descriptor of the OCI spec, for artifacts.</summary>
    public const string OciEmpty = "application/vnd.oci.empty.v1+json";

    /// <summary>Docker manifest v2, schema 2.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>Docker manifest list.</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>Docker container config.</summary>
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";

    /// <summary>Docker layer, gzip (Docker writes no other compression into this type).</summary>
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /// <summary>Docker layer, uncompressed (rare, but registries hold some).</summary>
    public const string DockerLayer = "application/vnd.docker.image.rootfs.diff.tar";

    /// <summary>Docker foreign layer (Windows base layers), gzip.</summary>
    public const string DockerForeignLayer = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

    /// <summary>Whether the type is an image index or a manifest list.</summary>
    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;

    /// <summary>Whether the type is a single-image manifest.</summary>
    public static bool IsManifest(string? mediaType) => mediaType is OciManifest or DockerManifest;

    /// <summary>Whether the type belongs to Docker's v2.2 family rather than the OCI one.</summary>
    public static bool IsDocker(string? mediaType) =>
        mediaType is not null && mediaType.StartsWith("application/vnd.docker.", StringComparison.Ordinal);

    /// <summary>Whether the type is a layer that registries may refuse to serve (foreign, non-distributable).</summary>
    public static bool IsForeignLayer(string? mediaType) =>
        mediaType is OciForeignLayer or OciForeignLayerGzip or OciForeignLayerZstd or DockerForeignLayer;

    /// <summary>Whether the type is a filesystem layer Snello can read.</summary>
    public static bool IsLayer(string? mediaType) => mediaType is OciLayer or OciLayerGzip or OciLayerZstd
        or DockerLayer or DockerLayerGzip || IsForeignLayer(mediaType);

    /// <summary>The compression a layer media type declares.</summary>
    public static Compression LayerCompression(string? mediaType) => mediaType switch
    {
        OciLayerGzip or OciForeignLayerGzip or DockerLayerGzip or DockerForeignLayer => Compression.Gzip,
        OciLayerZstd or OciForeignLayerZstd => Compression.Zstd,
        OciLayer or OciForeignLayer or DockerLayer => Compression.None,
        _ => Compression.Unknown,
    };

    /// <summary>
    /// The media type of the same content in the other family, for <c>--manifest-format</c> conversion.
    /// Zstd layers have no Docker type and keep their OCI type.
    /// </summary>
    public static string Convert(string mediaType, ManifestFormat target) => (target, mediaType) switch
    {
        (ManifestFormat.Docker, OciManifest) => DockerManifest,
        (ManifestFormat.Docker, OciIndex) => DockerManifestList,
        (ManifestFormat.Docker, OciConfig) => DockerConfig,
        (ManifestFormat.Docker, OciLayerGzip) => DockerLayerGzip,
        (ManifestFormat.Docker, OciLayer) => DockerLayer,
        (ManifestFormat.Docker, OciForeignLayerGzip) => DockerForeignLayer,
        (ManifestFormat.Oci, DockerManifest) => OciManifest,
        (ManifestFormat.Oci, DockerManifestList) => OciIndex,
        (ManifestFormat.Oci, DockerConfig) => OciConfig,
        (ManifestFormat.Oci, DockerLayerGzip) => OciLayerGzip,
        (ManifestFormat.Oci, DockerLayer) => OciLayer,
        (ManifestFormat.Oci, DockerForeignLayer) => OciForeignLayerGzip,
        _ => mediaType,
    };
}
