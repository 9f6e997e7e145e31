using Snello.Oci.Images;
using Snello.Oci.Model;

namespace Snello.Oci.Transports;

/// <summary>
/// Visits every blob an artifact needs, children before parents (layers and config, then the manifest, then
/// the index), so a destination that stores them in this order never refers to a blob it lacks.
/// </summary>
public static class ArtifactWalker
{
    /// <summary>A blob to store: its descriptor and how to open its content.</summary>
    /// <param name="Descriptor">What the blob is.</param>
    /// <param name="Open">Opens the content; the stream need not verify, the destination does.</param>
    public sealed record Blob(Descriptor Descriptor, Func<CancellationToken, Task<Stream>> Open);

    /// <summary>The descriptor an artifact has when something refers to it.</summary>
    public static Descriptor DescriptorOf(IManifestArtifact artifact, Platform? platform = null)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return new Descriptor
        {
            MediaType = artifact.MediaType,
            Digest = artifact.Digest,
            Size = artifact.RawManifest.Length,
            Platform = platform ?? (artifact is IImage image ? PlatformOf(image) : null),
        };
    }

    private static Platform PlatformOf(IImage image) => image.Config.Platform;

    /// <summary>Calls <paramref name="store"/> for each blob; identical blobs are offered once.</summary>
    public static async Task WalkAsync(IManifestArtifact artifact, Func<Blob, CancellationToken, Task> store,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(store);
        var seen = new HashSet<Digests.Digest>();
        await WalkAsync(artifact, null, store, seen, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WalkAsync(IManifestArtifact artifact, Descriptor? asReferenced,
        Func<Blob, CancellationToken, Task> store, HashSet<Digests.Digest> seen, CancellationToken cancellationToken)
    {
        if (artifact is IImage image)
        {
            foreach (var layer in image.Layers)
            {
                if (MediaTypes.IsForeignLayer(layer.Descriptor.MediaType) && layer.Descriptor.Urls is { Count: > 0 })
                {
                    // OCI image spec, layer.md: non-distributable layers are fetched from their URLs by whoever
                    // needs them; the descriptor is passed through and the blob is not copied.
                    continue;
                }

                if (seen.Add(layer.Descriptor.Digest))
                {
                    await store(new Blob(layer.Descriptor, layer.OpenCompressedAsync), cancellationToken)
                        .ConfigureAwait(false);
                }
            }

            if (seen.Add(image.Manifest.Config.Digest))
            {
                await store(Memory(image.Manifest.Config, image.RawConfig), cancellationToken).ConfigureAwait(false);
            }
        }
        else if (artifact is IImageIndex index)
        {
            foreach (var descriptor in index.Index.Manifests)
            {
                var child = await index.GetManifestAsync(descriptor, cancellationToken).ConfigureAwait(false);
                await WalkAsync(child, descriptor, store, seen, cancellationToken).ConfigureAwait(false);
            }
        }

        var self = asReferenced ?? DescriptorOf(artifact);
        if (seen.Add(artifact.Digest))
        {
            await store(Memory(self with { Platform = null, Annotations = null }, artifact.RawManifest),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static Blob Memory(Descriptor descriptor, ReadOnlyMemory<byte> bytes) =>
        new(descriptor, _ => Task.FromResult<Stream>(new MemoryStream(bytes.ToArray(), writable: false)));
}
