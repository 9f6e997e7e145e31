using Snello.Oci.Digests;

namespace Snello.Oci.Caching;

/// <summary>One blob in the cache.</summary>
/// <param name="Digest">The blob's digest, which is its name.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="LastUsed">When it was last written or read.</param>
public sealed record CacheEntry(Digest Digest, long Size, DateTime LastUsed);
