using Snello.Oci.Images;

namespace Snello.Oci.Transports;

/// <summary>Writes an artifact to a location, atomically: a failed write leaves no partial output behind.</summary>
public interface IImageWriter
{
    /// <summary>The location written.</summary>
    ImageLocation Location { get; }

    /// <summary>Writes the artifact and returns what the location now holds.</summary>
    /// <exception cref="ImageFormatException">
    /// A blob failed its digest, or the artifact cannot be stored here.
    /// </exception>
    Task<WriteResult> WriteAsync(IManifestArtifact artifact, CancellationToken cancellationToken = default);
}
