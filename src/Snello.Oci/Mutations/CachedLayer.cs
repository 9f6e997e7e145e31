using Snello.Oci.Caching;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Layers;
using Snello.Oci.Model;

namespace Snello.Oci.Mutations;

/// <summary>
/// A layer whose stored blob Snello made (recompressed, assembled, slimmed) and keeps in the blob cache.
/// </summary>
/// <param name="descriptor">The stored blob's descriptor.</param>
/// <param name="diffId">The digest of the uncompressed tar, checked when it is read.</param>
/// <param name="cache">The cache that holds the blob.</param>
public sealed class CachedLayer(Descriptor descriptor, Digest diffId, BlobCache cache) : ILayer
{
    /// <inheritdoc />
    public Descriptor Descriptor { get; } = descriptor;

    /// <inheritdoc />
    public Digest DiffId { get; } = diffId;

    /// <inheritdoc />
    /// <exception cref="ImageFormatException">The blob is no longer in the cache.</exception>
    public Task<Stream> OpenCompressedAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.TryOpen(Descriptor)
            ?? throw new ImageFormatException($"cached layer '{Descriptor.Digest}' vanished from cache " +
                $"'{cache.Root}' (pruned by another process?); run the command again"));

    /// <inheritdoc />
    public async Task<Stream> OpenUncompressedAsync(CancellationToken cancellationToken = default)
    {
        var stored = await OpenCompressedAsync(cancellationToken).ConfigureAwait(false);
        var tar = await LayerCompressionStreams.OpenDecompressedAsync(stored, $"layer '{Descriptor.Digest}'",
            cancellationToken).ConfigureAwait(false);
        return new VerifyingStream(tar, DiffId, -1, $"uncompressed layer {Descriptor.Digest} with diff ID");
    }
}
