using Snello.Oci.Digests;
using Snello.Oci.Json;
using Snello.Oci.Model;

namespace Snello.Oci.Images;

/// <summary>An index read from its raw bytes, with its manifests from an <see cref="IBlobSource"/>.</summary>
public sealed class BlobIndex : IImageIndex
{
    private readonly IBlobSource _source;

    private BlobIndex(string mediaType, ReadOnlyMemory<byte> rawManifest, ImageIndex index, IBlobSource source)
    {
        MediaType = mediaType;
        RawManifest = rawManifest;
        Digest = Digest.Compute(rawManifest.Span);
        Index = index;
        _source = source;
    }

    /// <inheritdoc />
    public string MediaType { get; }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> RawManifest { get; }

    /// <inheritdoc />
    public Digest Digest { get; }

    /// <inheritdoc />
    public ImageIndex Index { get; }

    /// <summary>Parses an index.</summary>
    /// <exception cref="ImageFormatException">The index is malformed.</exception>
    public static BlobIndex Load(string mediaType, ReadOnlyMemory<byte> rawIndex, IBlobSource source)
    {
        var digest = Digest.Compute(rawIndex.Span);
        var index = OciJson.Deserialize<ImageIndex>(rawIndex.Span, $"index '{digest}'");
        if (index.Manifests is null)
        {
            throw new ImageFormatException($"index '{digest}' lacks 'manifests'");
        }

        return new BlobIndex(mediaType, rawIndex, index, source);
    }

    /// <inheritdoc />
    public async Task<IManifestArtifact> GetManifestAsync(Descriptor descriptor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var raw = await BlobImage.ReadBlobAsync(_source, descriptor, cancellationToken).ConfigureAwait(false);
        return await ManifestLoader.LoadAsync(raw, descriptor.MediaType, _source, cancellationToken)
            .ConfigureAwait(false);
    }
}
