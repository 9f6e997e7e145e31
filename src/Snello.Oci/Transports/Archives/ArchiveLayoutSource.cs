using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Model;

namespace Snello.Oci.Transports.Archives;

/// <summary>Blobs of an OCI layout held in a tar archive, at <c>blobs/ALGORITHM/ENCODED</c>.</summary>
internal sealed class ArchiveLayoutSource(TarArchiveIndex archive) : IBlobSource
{
    public Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var name = $"blobs/{descriptor.Digest.Algorithm}/{descriptor.Digest.Encoded}";
        if (!archive.Contains(name))
        {
            throw new ImageFormatException($"archive '{archive.Path}' lacks blob '{descriptor.Digest}' " +
                $"({descriptor.MediaType})");
        }

        return Task.FromResult<Stream>(new VerifyingStream(archive.Open(name), descriptor.Digest, descriptor.Size,
            "blob"));
    }
}
