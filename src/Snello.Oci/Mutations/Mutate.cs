using Snello.Oci.Caching;
using Snello.Oci.Images;
using Snello.Oci.Layers;
using Snello.Oci.Model;

namespace Snello.Oci.Mutations;

/// <summary>
/// Edits of images and indexes. Each returns a new artifact and leaves its input unchanged; layer bytes are
/// shared, never copied, unless the edit is a recompression.
/// </summary>
public static class Mutate
{
    /// <summary>
    /// Rewrites an image's manifest, config and layer media types into the other family. The config bytes stay
    /// as they are (both families use the same config JSON), so the config digest and diff IDs are kept.
    /// </summary>
    /// <exception cref="ImageFormatException">A layer is zstd, which Docker's v2.2 types cannot describe.</exception>
    public static IImage ConvertFormat(IImage image, ManifestFormat format)
    {
        ArgumentNullException.ThrowIfNull(image);
        var manifestType = format == ManifestFormat.Oci ? MediaTypes.OciManifest : MediaTypes.DockerManifest;
        if (image.MediaType == manifestType)
        {
            return image;
        }

        var layers = new List<ILayer>();
        foreach (var layer in image.Layers)
        {
            var type = MediaTypes.Convert(layer.Descriptor.MediaType, format);
            if (format == ManifestFormat.Docker && !MediaTypes.IsDocker(type))
            {
                throw new ImageFormatException($"layer '{layer.Descriptor.Digest}' has media type " +
                    $"'{layer.Descriptor.MediaType}', which Docker's manifest v2.2 cannot describe; copy with " +
                    "--manifest-format oci, or recompress the layer with gzip");
            }

            layers.Add(type == layer.Descriptor.MediaType ? layer : new RetypedLayer(layer, type));
        }

        var manifest = image.Manifest with
        {
            MediaType = manifestType,
            Config = image.Manifest.Config with
            {
                MediaType = MediaTypes.Convert(image.Manifest.Config.MediaType, format),
            },
            Layers = layers.Select(l => l.Descriptor).ToList(),
        };
        return new MemoryImage(manifest, image.RawConfig, layers);
    }

    /// <summary>Converts an index and every image in it.</summary>
    public static async Task<IImageIndex> ConvertFormatAsync(IImageIndex index, ManifestFormat format,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        var children = new List<IManifestArtifact>();
        var descriptors = new List<Descriptor>();
        foreach (var descriptor in index.Index.Manifests)
        {
            var child = await index.GetManifestAsync(descriptor, cancellationToken).ConfigureAwait(false);
            var converted = child switch
            {
                IImage image => ConvertFormat(image, format),
                IImageIndex nested => await ConvertFormatAsync(nested, format, cancellationToken).ConfigureAwait(false),
                _ => child,
            };
            children.Add(converted);
            descriptors.Add(descriptor with
            {
                MediaType = converted.MediaType,
                Digest = converted.Digest,
                Size = converted.RawManifest.Length,
            });
        }

        var indexType = format == ManifestFormat.Oci ? MediaTypes.OciIndex : MediaTypes.DockerManifestList;
        return new MemoryIndex(index.Index with { MediaType = indexType, Manifests = descriptors }, children);
    }

    /// <summary>
    /// Compresses every uncompressed layer with <paramref name="compression"/>, storing the new blobs in the
    /// cache; layers already compressed are kept. Returns the input when nothing changed.
    /// </summary>
    public static async Task<IImage> CompressLayersAsync(IImage image, Compression compression, BlobCache cache,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(cache);
        var oci = !MediaTypes.IsDocker(image.MediaType);
        var changed = false;
        var layers = new List<ILayer>();
        foreach (var layer in image.Layers)
        {
            if (MediaTypes.LayerCompression(layer.Descriptor.MediaType) != Compression.None ||
                MediaTypes.IsForeignLayer(layer.Descriptor.MediaType))
            {
                layers.Add(layer);
                continue;
            }

            var (digest, size, _) = await cache.PutWrittenAsync(async (output, ct) =>
            {
                var tar = await layer.OpenUncompressedAsync(ct).ConfigureAwait(false);
                await using (tar.ConfigureAwait(false))
                {
                    var compressor = LayerCompressionStreams.OpenCompressor(output, compression);
                    await using (compressor.ConfigureAwait(false))
                    {
                        await tar.CopyToAsync(compressor, 1 << 16, ct).ConfigureAwait(false);
                    }
                }
            }, cancellationToken).ConfigureAwait(false);

            var mediaType = (compression, oci) switch
            {
                (Compression.Zstd, _) => MediaTypes.OciLayerZstd,
                (_, true) => MediaTypes.OciLayerGzip,
                _ => MediaTypes.DockerLayerGzip,
            };
            var descriptor = new Descriptor { MediaType = mediaType, Digest = digest, Size = size };
            layers.Add(new CachedLayer(descriptor, layer.DiffId, cache));
            changed = true;
        }

        if (!changed)
        {
            return image;
        }

        var manifest = image.Manifest with { Layers = layers.Select(l => l.Descriptor).ToList() };
        return new MemoryImage(manifest, image.RawConfig, layers);
    }
}
