using Snello.Oci.Digests;

namespace Snello.Oci.Registry;

/// <summary>A manifest or index as a registry served it, verified against its digest.</summary>
/// <param name="Bytes">The document, byte for byte.</param>
/// <param name="MediaType">The <c>Content-Type</c> the registry gave, without parameters.</param>
/// <param name="Digest">The digest of <paramref name="Bytes"/>.</param>
public sealed record RegistryManifest(ReadOnlyMemory<byte> Bytes, string MediaType, Digest Digest);
