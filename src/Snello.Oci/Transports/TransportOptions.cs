using Microsoft.Extensions.Logging;
using Snello.Oci.Caching;

namespace Snello.Oci.Transports;

/// <summary>What transports share: the blob cache and a logger.</summary>
/// <param name="Cache">The blob cache for staged and recompressed blobs.</param>
/// <param name="Logger">Where protocol steps are logged; null for silence.</param>
public sealed record TransportOptions(BlobCache Cache, ILogger? Logger = null);
