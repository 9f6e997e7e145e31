using System.Net;
using System.Net.Http.Headers;

namespace Snello.Oci.Engine;

/// <summary>
/// A request body written by a callback as it is sent, so a large archive goes to the engine without being
/// held in memory or staged on disk. Its length is unknown, so it is sent with chunked transfer encoding.
/// </summary>
internal sealed class StreamingContent : HttpContent
{
    private readonly Func<Stream, CancellationToken, Task> _write;

    public StreamingContent(Func<Stream, CancellationToken, Task> write, string mediaType)
    {
        _write = write;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _write(stream, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context,
        CancellationToken cancellationToken) =>
        _write(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
