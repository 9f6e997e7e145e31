using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Snello.Oci.Registry;

public sealed partial class RegistryClient
{
    /// <summary>Makes one attempt's request; the action restarts the stall timer (call it as a body is sent).</summary>
    internal delegate Task<HttpRequestMessage> RequestFactory(Action progress, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a request until it gets an answer worth returning: cut connections and stalls are retried, and so
    /// are 5xx and 429 answers (after <c>Retry-After</c> or backoff) when <paramref name="retryable"/>; a 401 is
    /// answered once by authenticating for <paramref name="scopes"/> (null: send no credentials at all).
    /// The last answer is returned whatever its status; the caller checks it.
    /// </summary>
    /// <exception cref="RegistryUnreachableException">No answer came after the allowed attempts.</exception>
    internal async Task<HttpResponseMessage> SendAsync(RequestFactory make, string[]? scopes, string what,
        bool retryable, CancellationToken cancellationToken)
    {
        var failures = 0;
        var challenged = false;
        var retry = _options.Retry;
        while (true)
        {
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stall.CancelAfter(_options.StallTimeout);
            var request = await make(() => Restart(stall), stall.Token).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                if (scopes is not null)
                {
                    await _auth.ApplyAsync(request, scopes, cancellationToken).ConfigureAwait(false);
                }

                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransportFailure(e, cancellationToken))
            {
                request.Dispose();
                failures++;
                var reason = Describe(e);
                if (!retryable || failures >= retry.MaxAttempts)
                {
                    throw new RegistryUnreachableException(Registry, $"{what}: {reason}" +
                        (failures > 1 ? $" (after {failures} attempts)" : ""), null, e);
                }

                var wait = retry.Delay(failures);
                _logger.LogDebug("registry {Registry}: {What} failed ({Reason}); attempt {Next} in {Wait} ms",
                    Registry, what, reason, failures + 1, (long)wait.TotalMilliseconds);
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var hadAuthorization = request.Headers.Authorization is not null;
            request.Dispose();
            if (response.StatusCode == HttpStatusCode.Unauthorized && scopes is not null && !challenged)
            {
                challenged = true;
                if (await _auth.ChallengeAsync(response, scopes, hadAuthorization, cancellationToken)
                        .ConfigureAwait(false))
                {
                    response.Dispose();
                    continue;
                }

                return response;
            }

            if (retryable && RetryPolicy.IsTransient(response.StatusCode) && failures + 1 < retry.MaxAttempts)
            {
                failures++;
                var asked = RetryPolicy.ParseRetryAfter(RetryAfterText(response), DateTimeOffset.UtcNow);
                var wait = retry.Delay(failures, asked);
                _logger.LogDebug("registry {Registry}: {What} answered {Status}; attempt {Next} in {Wait} ms",
                    Registry, what, (int)response.StatusCode, failures + 1, (long)wait.TotalMilliseconds);
                response.Dispose();
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (failures > 0 && RetryPolicy.IsTransient(response.StatusCode))
            {
                response.Headers.TryAddWithoutValidation(AttemptsHeader, (failures + 1).ToString(
                    System.Globalization.CultureInfo.InvariantCulture));
            }

            return response;
        }
    }

    // Carries the attempt count from SendAsync to the message ThrowForStatusAsync writes.
    private const string AttemptsHeader = "X-Snello-Attempts";

    private void Restart(CancellationTokenSource stall)
    {
        try
        {
            stall.CancelAfter(_options.StallTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The attempt is over; a late progress report has nothing to restart.
        }
    }

    private static string? RetryAfterText(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Retry-After", out var values) ? values.FirstOrDefault() : null;

    /// <summary>Whether an exception is a failed connection or transfer (not a cancellation or a bug).</summary>
    internal static bool IsTransportFailure(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpRequestException => true,
        IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>A short, plain description of a transport failure.</summary>
    internal string Describe(Exception e)
    {
        if (e is OperationCanceledException)
        {
            return $"no answer from '{BaseAddress.Authority}' for {_options.StallTimeout.TotalSeconds:0.#} s " +
                "(the server stalled)";
        }

        var inner = e.InnerException;
        while (inner?.InnerException is not null && inner is not SocketException and not AuthenticationException)
        {
            inner = inner.InnerException;
        }

        var detail = inner is null || e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? e.Message
            : $"{e.Message} ({inner.Message})";
        return e is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }
            or AuthenticationException || inner is AuthenticationException
            ? $"TLS with '{BaseAddress.Authority}' failed: {detail}; for a private CA put its certificate in " +
                $"/etc/docker/certs.d/{Registry}/ca.crt (or a folder named in SNELLO_CERTS_D)"
            : $"cannot reach '{BaseAddress.Authority}': {detail}";
    }

    /// <summary>Throws the exception an unwanted answer means, with the registry's own error codes.</summary>
    internal async Task ThrowForStatusAsync(HttpResponseMessage response, string what,
        CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var detail = await ErrorDetailAsync(response, cancellationToken).ConfigureAwait(false);
        var message = $"{what}: registry '{Registry}' answered {(int)status} {response.ReasonPhrase}{detail}";
        if (response.Headers.TryGetValues(AttemptsHeader, out var attempts))
        {
            message += $" (after {attempts.First()} attempts)";
        }

        throw status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new RegistryAuthenticationException(Registry,
                message + $"; check the credentials ('snello login {Registry}')", status),
            HttpStatusCode.NotFound => new RegistryNotFoundException(Registry, message),
            _ when RetryPolicy.IsTransient(status) => new RegistryUnreachableException(Registry, message, status),
            _ => new RegistryException(Registry, message, status),
        };
    }

    private static async Task<string> ErrorDetailAsync(HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await ReadLimitedAsync(response, 64 << 10, cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                return "";
            }

            var body = JsonSerializer.Deserialize(bytes, RegistryJsonContext.Default.RegistryErrorBody);
            var errors = body?.Errors?.Where(e => e.Code is not null || e.Message is not null).ToList();
            return errors is { Count: > 0 }
                ? ": " + string.Join("; ", errors.Select(e => $"{e.Code} {e.Message}".Trim()))
                : "";
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException or NotSupportedException)
        {
            return "";
        }
    }

    /// <summary>Reads a small answer body whole, refusing one longer than <paramref name="limit"/>.</summary>
    internal static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, int limit,
        CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new IOException($"answer of {response.Content.Headers.ContentLength} bytes exceeds {limit}");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 << 10];
            int n;
            while ((n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > limit)
                {
                    throw new IOException($"answer exceeds {limit} bytes");
                }

                buffer.Write(chunk, 0, n);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>
    /// Reads a small body (a manifest, a token, a tag page) under the stall timeout; a cut or stalled body
    /// becomes <see cref="RegistryUnreachableException"/>.
    /// </summary>
    internal async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, int limit, string what,
        CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(_options.StallTimeout);
        try
        {
            return await ReadLimitedAsync(response, limit, stall.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            throw new RegistryUnreachableException(Registry, $"{what}: reading the answer failed: {Describe(e)}",
                null, e);
        }
    }
}
