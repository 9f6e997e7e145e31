using Snello.Oci.Digests;

namespace Snello.Oci.Images;

/// <summary>What a transport reads or writes at a reference: an image or an index, with its exact bytes.</summary>
public interface IManifestArtifact
{
    /// <summary>The media type of <see cref="RawManifest"/>.</summary>
    string MediaType { get; }

    /// <summary>The manifest or index exactly as stored; its digest is the artifact's identity.</summary>
    ReadOnlyMemory<byte> RawManifest { get; }

    /// <summary>The sha256 digest of <see cref="RawManifest"/>.</summary>
    Digest Digest { get; }
}
