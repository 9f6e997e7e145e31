using Snello.Oci.Digests;
using Snello.Oci.Layers;
using Snello.Oci.Model;

namespace Snello.Oci.Images;

/// <summary>A layer whose blob comes from an <see cref="IBlobSource"/>.</summary>
public sealed class BlobLayer : ILayer
{
    private readonly IBlobSource _source;

    /// <summary>Creates the layer.</summary>
    public BlobLayer(Descriptor descriptor, Digest diffId, IBlobSource source)
    {
        Descriptor = descriptor;
        DiffId = diffId;
        _source = source;
    }

    /// <inheritdoc />
    public Descriptor Descriptor { get; }

    /// <inheritdoc />
    public Digest DiffId { get; }

    /// <inheritdoc />
    public Task<Stream> OpenCompressedAsync(CancellationToken cancellationToken = default) =>
        _source.OpenBlobAsync(Descriptor, cancellationToken);

    /// <inheritdoc />
    public async Task<Stream> OpenUncompressedAsync(CancellationToken cancellationToken = default)
    {
        var stored = await OpenCompressedAsync(cancellationToken).ConfigureAwait(false);
        var tar = await LayerCompressionStreams.OpenDecompressedAsync(stored, $"layer '{Descriptor.Digest}'",
            cancellationToken).ConfigureAwait(false);
        return new VerifyingStream(tar, DiffId, -1, $"uncompressed layer {Descriptor.Digest} with diff ID");
    }
}
