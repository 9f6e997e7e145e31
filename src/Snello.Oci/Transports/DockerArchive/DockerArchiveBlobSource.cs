using Snello.Oci.Digests;
using Snello.Oci.Images;
using Snello.Oci.Model;
using Snello.Oci.Transports.Archives;

namespace Snello.Oci.Transports.DockerArchive;

/// <summary>Layer files of a docker archive, found by the digests the reader gave them.</summary>
internal sealed class DockerArchiveBlobSource(TarArchiveIndex archive) : IBlobSource
{
    private readonly Dictionary<Digest, string> _names = [];

    public void Add(Digest digest, string name) => _names[digest] = name;

    public Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!_names.TryGetValue(descriptor.Digest, out var name))
        {
            throw new ImageFormatException($"docker archive '{archive.Path}' holds no blob '{descriptor.Digest}'");
        }

        return Task.FromResult<Stream>(new VerifyingStream(archive.Open(name), descriptor.Digest, descriptor.Size,
            $"layer file '{name}' with digest"));
    }
}
