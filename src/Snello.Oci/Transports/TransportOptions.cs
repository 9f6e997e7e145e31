using Microsoft.Extensions.Logging;
using Snello.Oci.Caching;

namespace Snello.Oci.Transports;

/// <summary>What transports share: the blob cache, a logger, and how registries are spoken to.</summary>
/// <param name="Cache">The blob cache for staged, recompressed and downloaded blobs.</param>
/// <param name="Logger">Where protocol steps are logged; null for silence.</param>
public sealed record TransportOptions(BlobCache Cache, ILogger? Logger = null)
{
    /// <summary>
    /// Registry connection, auth and retry settings for <c>docker://</c>; null for the defaults, with
    /// credentials from the Docker config file.
    /// </summary>
    public global::Snello.Oci.Registry.RegistryClientOptions? Registry { get; init; }
}
