using Snello.Oci.Digests;

namespace Snello.Oci.Transports;

/// <summary>What a write stored.</summary>
/// <param name="Digest">The manifest digest the destination holds, or null where its format has no manifest.</param>
/// <param name="ConfigDigest">The config digest of a single image, or null for an index.</param>
/// <param name="BlobsWritten">Blobs written.</param>
/// <param name="BlobsSkipped">Blobs already present and not written again.</param>
/// <param name="BytesWritten">Bytes of blobs written.</param>
public sealed record WriteResult(Digest? Digest, Digest? ConfigDigest, int BlobsWritten, int BlobsSkipped,
    long BytesWritten);
