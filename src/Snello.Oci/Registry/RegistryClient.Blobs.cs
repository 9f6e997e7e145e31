using System.Net;
using System.Net.Http.Headers;
using Snello.Oci.Digests;
using Snello.Oci.Model;

namespace Snello.Oci.Registry;

public sealed partial class RegistryClient
{
    /// <summary>Whether the repository holds a blob (<c>HEAD /v2/NAME/blobs/DIGEST</c>).</summary>
    /// <exception cref="RegistryAuthenticationException">Access refused.</exception>
    /// <exception cref="RegistryUnreachableException">The registry cannot be reached or keeps failing.</exception>
    public async Task<bool> BlobExistsAsync(string repository, Digest digest,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        var uri = Api(repository, "blobs/" + digest);
        using var response = await SendAsync((_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Head, uri)),
            PushScope(repository), $"HEAD {uri}", true, cancellationToken).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return true;
            case HttpStatusCode.NotFound:
                return false;
            default:
                await ThrowForStatusAsync(response, $"HEAD {uri}", cancellationToken).ConfigureAwait(false);
                return false;
        }
    }

    /// <summary>
    /// Opens a blob as a stream that verifies its size and digest as it is read (and throws
    /// <see cref="DigestMismatchException"/> at the end when they differ). A connection cut or stalled in the
    /// middle is resumed with a <c>Range</c> request from the byte reached, within the retry policy.
    /// </summary>
    /// <exception cref="RegistryNotFoundException">No such blob.</exception>
    /// <exception cref="RegistryAuthenticationException">Access refused.</exception>
    /// <exception cref="RegistryUnreachableException">The registry cannot be reached or keeps failing.</exception>
    public async Task<Stream> OpenBlobAsync(string repository, Descriptor descriptor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var body = await OpenBlobUnverifiedAsync(repository, descriptor, cancellationToken).ConfigureAwait(false);
        return new VerifyingStream(body, descriptor.Digest, descriptor.Size, $"blob from '{Registry}/{repository}'");
    }

    /// <summary>Like <see cref="OpenBlobAsync"/>, for a caller that verifies the content itself.</summary>
    internal async Task<Stream> OpenBlobUnverifiedAsync(string repository, Descriptor descriptor,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentNullException.ThrowIfNull(descriptor);
        var (response, body) = await RequestBlobAsync(repository, descriptor, 0, cancellationToken)
            .ConfigureAwait(false);
        return new ResumingBlobStream(this, repository, descriptor, response, body, _logger);
    }

    /// <summary>
    /// Sends <c>GET /v2/NAME/blobs/DIGEST</c>, from byte <paramref name="offset"/> on; returns the answer and
    /// its body positioned at that byte (skipping ahead when the server ignored the range).
    /// </summary>
    internal async Task<(HttpResponseMessage Response, Stream Body)> RequestBlobAsync(string repository,
        Descriptor descriptor, long offset, CancellationToken cancellationToken)
    {
        var uri = Api(repository, "blobs/" + descriptor.Digest);
        var what = offset == 0 ? $"GET {uri}" : $"GET {uri} from byte {offset}";
        var response = await SendAsync((_, _) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (offset > 0)
            {
                request.Headers.Range = new RangeHeaderValue(offset, null);
            }

            return Task.FromResult(request);
        }, PullScope(repository), what, true, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PartialContent))
            {
                await ThrowForStatusAsync(response, $"blob '{descriptor.Digest}' of '{repository}'", cancellationToken)
                    .ConfigureAwait(false);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            if (offset > 0 && response.StatusCode == HttpStatusCode.PartialContent)
            {
                var start = response.Content.Headers.ContentRange?.From;
                if (start != offset)
                {
                    throw new RegistryException(Registry, $"{what}: the registry answered a range from byte " +
                        $"'{start}', expected {offset}");
                }
            }
            else if (offset > 0)
            {
                await SkipAsync(body, offset, cancellationToken).ConfigureAwait(false);
            }

            return (response, body);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task SkipAsync(Stream body, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 << 10];
        while (count > 0)
        {
            var n = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken)
                .ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException($"the body ended {count} bytes before the resume point");
            }

            count -= n;
        }
    }
}
