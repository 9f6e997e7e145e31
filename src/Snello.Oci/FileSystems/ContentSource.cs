namespace Snello.Oci.FileSystems;

/// <summary>Where a regular file's bytes are: which layer, which member of its tar, how many.</summary>
internal readonly record struct ContentSource(int Layer, int Ordinal, long Size);
