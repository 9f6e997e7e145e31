using Snello.Oci.Digests;
using Snello.Oci.Model;

namespace Snello.Oci.Images;

/// <summary>One filesystem layer: a tar stream, compressed as its descriptor says.</summary>
public interface ILayer
{
    /// <summary>The descriptor of the stored (usually compressed) blob.</summary>
    Descriptor Descriptor { get; }

    /// <summary>The digest of the uncompressed tar, as listed in the config's <c>rootfs.diff_ids</c>.</summary>
    Digest DiffId { get; }

    /// <summary>
    /// Opens the stored blob. The stream verifies size and digest as it is read and throws
    /// <see cref="DigestMismatchException"/> at its end when they differ.
    /// </summary>
    Task<Stream> OpenCompressedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the uncompressed tar. The stream verifies the diff ID as it is read to the end.
    /// </summary>
    Task<Stream> OpenUncompressedAsync(CancellationToken cancellationToken = default);
}
