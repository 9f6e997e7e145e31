using Snello.Oci;
using Snello.Oci.Caching;
using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Layers;
using Snello.Oci.Model;

namespace Snello.Build.Assembly;

/// <summary>A layer the assembler wrote into the blob cache.</summary>
internal sealed class AssembledLayer(Descriptor descriptor, Digest diffId, BlobCache cache) : ILayer
{
    public Descriptor Descriptor { get; } = descriptor;

    public Digest DiffId { get; } = diffId;

    public Task<Stream> OpenCompressedAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.TryOpen(Descriptor)
            ?? throw new ImageFormatException($"assembled layer '{Descriptor.Digest}' vanished from cache "
                + $"'{cache.Root}' (pruned by another process?); run the build again"));

    public async Task<Stream> OpenUncompressedAsync(CancellationToken cancellationToken = default)
    {
        var stored = await OpenCompressedAsync(cancellationToken).ConfigureAwait(false);
        var tar = await LayerCompressionStreams.OpenDecompressedAsync(stored, $"layer '{Descriptor.Digest}'",
            cancellationToken).ConfigureAwait(false);
        return new VerifyingStream(tar, DiffId, -1, $"uncompressed layer {Descriptor.Digest} with diff ID");
    }
}
