using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;

namespace Snello.Oci.Mutations;

/// <summary>An index made in memory by an edit, holding its manifests as artifacts.</summary>
public sealed class MemoryIndex : IImageIndex
{
    private readonly Dictionary<Digest, IManifestArtifact> _children;

    /// <summary>Builds the document from <paramref name="index"/> and serves <paramref name="children"/>.</summary>
    public MemoryIndex(ImageIndex index, IEnumerable<IManifestArtifact> children)
    {
        ArgumentNullException.ThrowIfNull(index);
        Index = index;
        MediaType = index.MediaType ?? MediaTypes.OciIndex;
        RawManifest = OciJson.Serialize(index);
        Digest = Digest.Compute(RawManifest.Span);
        _children = children.ToDictionary(c => c.Digest);
    }

    /// <inheritdoc />
    public string MediaType { get; }

    /// <inheritdoc />
    public ReadOnlyMemory<byte> RawManifest { get; }

    /// <inheritdoc />
    public Digest Digest { get; }

    /// <inheritdoc />
    public ImageIndex Index { get; }

    /// <inheritdoc />
    public Task<IManifestArtifact> GetManifestAsync(Descriptor descriptor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return _children.TryGetValue(descriptor.Digest, out var child)
            ? Task.FromResult(child)
            : throw new ImageFormatException($"index '{Digest}' holds no manifest '{descriptor.Digest}'");
    }
}
