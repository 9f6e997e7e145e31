using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Model;

namespace Snello.Oci.Mutations;

/// <summary>A layer with the same bytes under another descriptor media type.</summary>
internal sealed class RetypedLayer(ILayer inner, string mediaType) : ILayer
{
    public Descriptor Descriptor { get; } = inner.Descriptor with { MediaType = mediaType };

    public Digest DiffId => inner.DiffId;

    public Task<Stream> OpenCompressedAsync(CancellationToken cancellationToken = default) =>
        inner.OpenCompressedAsync(cancellationToken);

    public Task<Stream> OpenUncompressedAsync(CancellationToken cancellationToken = default) =>
        inner.OpenUncompressedAsync(cancellationToken);
}
