using Snello.Oci.Images;

namespace Snello.Oci.Transports;

/// <summary>Reads the artifact at a location. Disposing it closes the files it holds open.</summary>
public interface IImageReader : IAsyncDisposable
{
    /// <summary>The location read.</summary>
    ImageLocation Location { get; }

    /// <summary>Reads the image or index at the location.</summary>
    /// <exception cref="ImageFormatException">The location holds no usable image.</exception>
    Task<IManifestArtifact> ReadAsync(CancellationToken cancellationToken = default);
}
