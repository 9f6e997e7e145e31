using System.Collections.Concurrent;
using Snello.Oci.Digests;

namespace Snello.Oci.Transports.Registry;

/// <summary>
/// Which registry repository each blob read in this process came from, so a push to another repository of
/// the same registry can mount it (distribution spec, "Mounting a blob from another repository") instead of
/// uploading it. Process-wide because the image model does not carry a blob's origin; a wrong or stale hint
/// costs one mount request that the registry answers with an upload session.
/// </summary>
internal static class BlobOrigins
{
    private static readonly ConcurrentDictionary<Digest, (string Registry, string Repository)> Origins = new();

    public static void Record(Digest digest, string registry, string repository) =>
        Origins[digest] = (registry, repository);

    /// <summary>
    /// A repository of <paramref name="registry"/> other than <paramref name="repository"/> that has the blob.
    /// </summary>
    public static string? MountSource(Digest digest, string registry, string repository) =>
        Origins.TryGetValue(digest, out var origin) && origin.Registry == registry && origin.Repository != repository
            ? origin.Repository
            : null;
}
