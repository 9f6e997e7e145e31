using Snello.Oci.Model;

namespace Snello.Oci.Images;

/// <summary>An image index or manifest list: manifests per platform. Read-only.</summary>
public interface IImageIndex : IManifestArtifact
{
    /// <summary>The parsed index.</summary>
    ImageIndex Index { get; }

    /// <summary>Opens one of the index's manifests: an image, or a nested index.</summary>
    /// <exception cref="ImageFormatException">The manifest is missing, malformed or fails its digest.</exception>
    Task<IManifestArtifact> GetManifestAsync(Descriptor descriptor, CancellationToken cancellationToken = default);
}
