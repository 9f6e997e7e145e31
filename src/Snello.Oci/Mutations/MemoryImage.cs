using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;

namespace Snello.Oci.Mutations;

/// <summary>An image made in memory by an edit: a new manifest over existing or new layers.</summary>
public sealed class MemoryImage : IImage
{
    /// <summary>Serializes <paramref name="manifest"/> and pairs it with the config and layers.</summary>
    public MemoryImage(ImageManifest manifest, ReadOnlyMemory<byte> rawConfig, IReadOnlyList<ILayer> layers)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Manifest = manifest;
        MediaType = manifest.MediaType ?? MediaTypes.OciManifest;
        RawManifest = OciJson.Serialize(manifest);
        Digest = Digest.Compute(RawManifest.Span);
        RawConfig = rawConfig;
        Config = OciJson.Deserialize<ImageConfig>(rawConfig.Span, $"config '{manifest.Config.Digest}'");
        Layers = layers;
    }

    /// <inheritdoc />
    public string MediaType { get; }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> RawManifest { get; }

    /// <inheritdoc />
    public Digest Digest { get; }

    /// <inheritdoc />
    public ImageManifest Manifest { get; }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> RawConfig { get; }

    /// <inheritdoc />
    public ImageConfig Config { get; }

    /// <inheritdoc />
    public IReadOnlyList<ILayer> Layers { get; }
}
