using Snello.Oci.Digests;
using Snello.Oci.Json;
using Snello.Oci.Model;

namespace Snello.Oci.Images;

/// <summary>An image read from its raw manifest, with config and layers from an <see cref="IBlobSource"/>.</summary>
public sealed class BlobImage : IImage
{
    private BlobImage(string mediaType, ReadOnlyMemory<byte> rawManifest, ImageManifest manifest,
        ReadOnlyMemory<byte> rawConfig, ImageConfig config, IReadOnlyList<ILayer> layers)
    {
        MediaType = mediaType;
        RawManifest = rawManifest;
        Digest = Digest.Compute(rawManifest.Span);
        Manifest = manifest;
        RawConfig = rawConfig;
        Config = config;
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

    /// <summary>Parses a manifest, fetches and parses its config, and pairs each layer with its diff ID.</summary>
    /// <exception cref="ImageFormatException">
    /// The manifest or config is malformed, the config's blob fails its digest, or the layer and diff ID counts
    /// differ.
    /// </exception>
    public static async Task<BlobImage> LoadAsync(string mediaType, ReadOnlyMemory<byte> rawManifest,
        IBlobSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var digest = Digest.Compute(rawManifest.Span);
        var manifest = OciJson.Deserialize<ImageManifest>(rawManifest.Span, $"manifest '{digest}'");
        if (manifest.Config is null || manifest.Layers is null)
        {
            throw new ImageFormatException($"manifest '{digest}' lacks 'config' or 'layers'");
        }

        var rawConfig = await ReadBlobAsync(source, manifest.Config, cancellationToken).ConfigureAwait(false);
        var config = OciJson.Deserialize<ImageConfig>(rawConfig, $"config '{manifest.Config.Digest}'");
        var diffIds = config.RootFs?.DiffIds ?? [];
        if (diffIds.Count != manifest.Layers.Count)
        {
            throw new ImageFormatException($"manifest '{digest}' lists {manifest.Layers.Count} layers but its " +
                $"config '{manifest.Config.Digest}' lists {diffIds.Count} diff IDs");
        }

        var layers = manifest.Layers.Select((d, i) => (ILayer)new BlobLayer(d, diffIds[i], source)).ToList();
        return new BlobImage(mediaType, rawManifest, manifest, rawConfig, config, layers);
    }

    /// <summary>Reads a whole small blob (a config or a manifest), verified.</summary>
    internal static async Task<byte[]> ReadBlobAsync(IBlobSource source, Descriptor descriptor,
        CancellationToken cancellationToken)
    {
        const long MaxDocument = 64L << 20;
        if (descriptor.Size > MaxDocument)
        {
            throw new ImageFormatException($"blob '{descriptor.Digest}' of type '{descriptor.MediaType}' is " +
                $"{descriptor.Size} bytes; JSON documents over {MaxDocument} bytes are refused");
        }

        var stream = await source.OpenBlobAsync(descriptor, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream((int)Math.Max(0, descriptor.Size));
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }
}
