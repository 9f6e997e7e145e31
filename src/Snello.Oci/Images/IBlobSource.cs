using Snello.Oci.Model;

namespace Snello.Oci.Images;

/// <summary>Where a transport's blobs come from: a layout's blob folder, an archive, a registry.</summary>
public interface IBlobSource
{
    /// <summary>
    /// Opens the blob a descriptor names. The stream verifies the descriptor's size and digest as it is read.
    /// </summary>
    /// <exception cref="ImageFormatException">The blob is missing.</exception>
    Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken = default);
}
