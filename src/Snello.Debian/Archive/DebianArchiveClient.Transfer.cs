using System.IO.Compression;
using System.Net;
using Microsoft.Extensions.Logging;
using SharpCompress.Compressors.Xz;

namespace Snello.Debian.Archive;

/// <summary>HTTP transfers, their failures, and the cache's atomic writes.</summary>
public sealed partial class DebianArchiveClient
{
    private long _indexTransferTicks;
    private long _indexTransferBytes;

    /// <summary>
    /// The wall time spent fetching InRelease, Packages and Contents files so far (not .deb files), so
    /// callers can report network time apart from work.
    /// </summary>
    public TimeSpan IndexTransferTime => TimeSpan.FromTicks(Interlocked.Read(ref _indexTransferTicks));

    /// <summary>The bytes of InRelease, Packages and Contents files fetched so far.</summary>
    public long IndexTransferBytes => Interlocked.Read(ref _indexTransferBytes);

    // The body of a 200 answer, or null for 404 and 410; other answers and network failures throw.
    private async Task<byte[]?> GetBytesAsync(Uri uri, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await SendAsync(uri, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _indexTransferTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
            Interlocked.Add(ref _indexTransferBytes, body.Length);
            return body;
        }
        catch (Exception e) when (IsTransferFailure(e, cancellationToken))
        {
            throw new ArchiveUnreachableException(uri, $"the transfer broke off: {e.Message}", e);
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        logger?.LogDebug("GET {Uri}", uri);
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ArchiveUnreachableException(uri, Describe(e), e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ArchiveUnreachableException(uri, $"no answer within {_http.Timeout.TotalSeconds:0} s", e);
        }

        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            response.Dispose();
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            response.Dispose();
            throw new ArchiveUnreachableException(uri, $"the mirror answered '{status}'");
        }

        return response;
    }

    private static bool IsTransferFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => $"the host name does not resolve ({e.Message})",
        HttpRequestError.ConnectionError => $"the connection failed ({e.Message})",
        HttpRequestError.SecureConnectionError => $"the TLS handshake failed ({e.Message})",
        _ => e.Message,
    };

    private static byte[] Decompress(byte[] content, string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal) && !path.EndsWith(".xz", StringComparison.Ordinal))
        {
            return content;
        }

        try
        {
            using var input = new MemoryStream(content, writable: false);
            using Stream decoder = path.EndsWith(".gz", StringComparison.Ordinal)
                ? new GZipStream(input, CompressionMode.Decompress)
                : new XZStream(new PositionCountingStream(input));
            using var output = new MemoryStream(content.Length * 6);
            decoder.CopyTo(output);
            return output.ToArray();
        }
        catch (Exception e) when (e is not InvalidDataException and not OperationCanceledException)
        {
            throw new InvalidDataException($"'{path}' is not valid {Path.GetExtension(path)} data: {e.Message}", e);
        }
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = TemporaryName(path);
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string TemporaryName(string path) =>
        $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
}
