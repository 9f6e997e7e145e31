using Snello.Oci.Mutations;

namespace Snello.Build.Slimming;

/// <summary>The new layer and the size of its uncompressed tar.</summary>
internal sealed record WrittenLayer(CachedLayer Layer, long UncompressedSize);
