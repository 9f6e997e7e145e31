using Snello.Oci;
using Snello.Oci.Caching;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Layers;
using Snello.Oci.Model;

namespace Snello.Build.Slimming;

/// <summary>The one layer of a slimmed image: a gzip blob in the blob cache.</summary>
internal sealed class SlimmedLayer(Descriptor descriptor, Digest diffId, BlobCache cache) : ILayer
{
    public Descriptor Descriptor { get; } = descriptor;

    public Digest DiffId { get; } = diffId;

    public Task<Stream> OpenCompressedAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.TryOpen(Descriptor)
            ?? throw new ImageFormatException($"slimmed layer '{Descriptor.Digest}' vanished from cache " +
                $"'{cache.Root}' (pruned by another process?); run the command again"));

    public async Task<Stream> OpenUncompressedAsync(CancellationToken cancellationToken = default)
    {
        var stored = await OpenCompressedAsync(cancellationToken).ConfigureAwait(false);
        var tar = await LayerCompressionStreams.OpenDecompressedAsync(stored, $"layer '{Descriptor.Digest}'",
            cancellationToken).ConfigureAwait(false);
        return new VerifyingStream(tar, DiffId, -1, $"uncompressed layer {Descriptor.Digest} with diff ID");
    }
}
