namespace Snello.Oci.Layers;

/// <summary>Stream helpers for verified reading.</summary>
public static class StreamExtensions
{
    /// <summary>
    /// Reads <paramref name="stream"/> to its end and discards the bytes, so a verifying stream sees its end.
    /// Call it after a reader that may stop early, such as a tar reader at the end-of-archive blocks.
    /// </summary>
    public static Task DrainAsync(this Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.CopyToAsync(Stream.Null, cancellationToken);
    }
}
