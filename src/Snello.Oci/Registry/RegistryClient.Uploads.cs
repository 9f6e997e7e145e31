using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Snello.Oci.Digests;
using Snello.Oci.Model;

namespace Snello.Oci.Registry;

public sealed partial class RegistryClient
{
    /// <summary>
    /// Pushes a blob unless the repository has it: <c>HEAD</c> first, then a cross-repository mount from
    /// <paramref name="mountFrom"/> when given (distribution spec, "Mounting a blob from another repository"),
    /// else an upload: monolithic (<c>POST</c> then one <c>PUT</c>) up to
    /// <see cref="RegistryClientOptions.ChunkedUploadThreshold"/>, chunked (<c>PATCH</c> with
    /// <c>Content-Range</c>) above. An upload cut in the middle starts again in a new session, within the retry
    /// policy; <paramref name="open"/> is called once per attempt.
    /// </summary>
    /// <exception cref="RegistryException">The registry refused the blob (a digest mismatch, for one).</exception>
    /// <exception cref="RegistryAuthenticationException">Push access refused.</exception>
    /// <exception cref="RegistryUnreachableException">The registry cannot be reached or keeps failing.</exception>
    public async Task<BlobUploadOutcome> UploadBlobAsync(string repository, Descriptor descriptor,
        Func<CancellationToken, Task<Stream>> open, string? mountFrom = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(open);
        if (await BlobExistsAsync(repository, descriptor.Digest, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogDebug("registry {Registry}: {Repository} has blob {Digest}", Registry, repository,
                descriptor.Digest);
            return BlobUploadOutcome.Existed;
        }

        Uri? location = null;
        if (mountFrom is not null && mountFrom != repository)
        {
            location = await MountAsync(repository, descriptor.Digest, mountFrom, cancellationToken)
                .ConfigureAwait(false);
            if (location is null)
            {
                return BlobUploadOutcome.Mounted;
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            location ??= await StartUploadAsync(repository, cancellationToken).ConfigureAwait(false);
            try
            {
                if (descriptor.Size > _options.ChunkedUploadThreshold)
                {
                    await UploadChunkedAsync(repository, descriptor, open, location, cancellationToken)
                        .ConfigureAwait(false);
                }
                else
                {
                    await UploadMonolithicAsync(repository, descriptor, open, location, cancellationToken)
                        .ConfigureAwait(false);
                }

                return BlobUploadOutcome.Uploaded;
            }
            catch (RegistryUnreachableException e) when (attempt < _options.Retry.MaxAttempts &&
                !cancellationToken.IsCancellationRequested)
            {
                var wait = _options.Retry.Delay(attempt);
                _logger.LogDebug("registry {Registry}: upload of {Digest} failed ({Reason}); new session in {Wait} ms",
                    Registry, descriptor.Digest, e.Message, (long)wait.TotalMilliseconds);
                location = null;
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Returns null when the blob was mounted, else the upload session the registry opened instead.
    private async Task<Uri?> MountAsync(string repository, Digest digest, string from,
        CancellationToken cancellationToken)
    {
        var uri = Api(repository, $"blobs/uploads/?mount={Uri.EscapeDataString(digest.ToString())}" +
            $"&from={Uri.EscapeDataString(from)}");
        string[] scopes = [.. PushScope(repository), .. PullScope(from)];
        using var response = await SendAsync((_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent([]),
        }), scopes, $"POST {uri}", true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            _logger.LogDebug("registry {Registry}: mounted {Digest} from {From} into {Repository}", Registry, digest,
                from, repository);
            return null;
        }

        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            await ThrowForStatusAsync(response, $"mounting blob '{digest}' from '{from}' into '{repository}'",
                cancellationToken).ConfigureAwait(false);
        }

        return LocationOf(response, uri);
    }

    private async Task<Uri> StartUploadAsync(string repository, CancellationToken cancellationToken)
    {
        var uri = Api(repository, "blobs/uploads/");
        using var response = await SendAsync((_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent([]),
        }), PushScope(repository), $"POST {uri}", true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            await ThrowForStatusAsync(response, $"starting an upload to '{repository}'", cancellationToken)
                .ConfigureAwait(false);
        }

        return LocationOf(response, uri);
    }

    private async Task UploadMonolithicAsync(string repository, Descriptor descriptor,
        Func<CancellationToken, Task<Stream>> open, Uri location, CancellationToken cancellationToken)
    {
        var target = WithDigest(location, descriptor.Digest);
        Stream? source = null;
        try
        {
            using var response = await SendAsync(async (progress, ct) =>
            {
                source = await open(ct).ConfigureAwait(false);
                var content = new StreamContent(new ProgressReadStream(source, progress), 1 << 16);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Headers.ContentLength = descriptor.Size;
                return new HttpRequestMessage(HttpMethod.Put, target) { Content = content };
            }, PushScope(repository), $"PUT blob '{descriptor.Digest}' to '{repository}'", false, cancellationToken)
                .ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                await ThrowForStatusAsync(response, $"uploading blob '{descriptor.Digest}' to '{repository}'",
                    cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (source is not null)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }

        _logger.LogDebug("registry {Registry}: uploaded {Digest} ({Size} bytes) to {Repository}", Registry,
            descriptor.Digest, descriptor.Size, repository);
    }

    private async Task UploadChunkedAsync(string repository, Descriptor descriptor,
        Func<CancellationToken, Task<Stream>> open, Uri location, CancellationToken cancellationToken)
    {
        var source = await open(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var buffer = new byte[(int)Math.Min(_options.ChunkSize, Math.Max(1, descriptor.Size))];
            long offset = 0;
            while (true)
            {
                var n = await FillAsync(source, buffer, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                location = await PatchAsync(repository, descriptor, location, buffer, n, offset, cancellationToken)
                    .ConfigureAwait(false);
                offset += n;
                if (n < buffer.Length)
                {
                    break;
                }
            }

            var target = WithDigest(location, descriptor.Digest);
            using var response = await SendAsync((_, _) => Task.FromResult(
                new HttpRequestMessage(HttpMethod.Put, target) { Content = new ByteArrayContent([]) }),
                PushScope(repository), $"PUT {target}", false, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                await ThrowForStatusAsync(response, $"completing the upload of '{descriptor.Digest}' to '{repository}'",
                    cancellationToken).ConfigureAwait(false);
            }

            _logger.LogDebug("registry {Registry}: uploaded {Digest} ({Size} bytes) in chunks to {Repository}",
                Registry, descriptor.Digest, offset, repository);
        }
    }

    private async Task<Uri> PatchAsync(string repository, Descriptor descriptor, Uri location, byte[] buffer,
        int count, long offset, CancellationToken cancellationToken)
    {
        using var response = await SendAsync((_, _) =>
        {
            var content = new ByteArrayContent(buffer, 0, count);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

            // Distribution spec, "Pushing a blob in chunks": Content-Range is START-END, inclusive, with no
            // unit and no length; the typed header would write the HTTP form "bytes START-END/*".
            content.Headers.TryAddWithoutValidation("Content-Range",
                FormattableString.Invariant($"{offset}-{offset + count - 1}"));
            return Task.FromResult(new HttpRequestMessage(HttpMethod.Patch, location) { Content = content });
        }, PushScope(repository), $"PATCH bytes {offset}-{offset + count - 1} of '{descriptor.Digest}'", false,
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            await ThrowForStatusAsync(response, $"uploading bytes {offset}-{offset + count - 1} of blob " +
                $"'{descriptor.Digest}' to '{repository}'", cancellationToken).ConfigureAwait(false);
        }

        return LocationOf(response, location);
    }

    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var n = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        return filled;
    }

    // Distribution spec: Location may be relative (distribution answers a path); it is resolved against the
    // request that returned it.
    private Uri LocationOf(HttpResponseMessage response, Uri requestUri)
    {
        var location = response.Headers.Location ?? throw new RegistryException(Registry,
            $"registry '{Registry}' answered {(int)response.StatusCode} to '{requestUri}' without a Location header");
        return location.IsAbsoluteUri ? location : new Uri(requestUri, location);
    }

    private static Uri WithDigest(Uri location, Digest digest)
    {
        var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";
        return new Uri(location + separator + "digest=" + Uri.EscapeDataString(digest.ToString()));
    }
}
