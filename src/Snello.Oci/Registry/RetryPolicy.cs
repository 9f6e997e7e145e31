using System.Globalization;
using System.Net;

namespace Snello.Oci.Registry;

/// <summary>
/// How long to wait before the next attempt: the server's <c>Retry-After</c> when it sent one (RFC 9110,
/// section 10.2.3: seconds or an HTTP date), else exponential backoff from a base delay, both capped.
/// </summary>
/// <param name="MaxAttempts">Attempts per request, the first included.</param>
/// <param name="BaseDelay">The wait after the first failure; it doubles with each further failure.</param>
/// <param name="MaxDelay">The longest wait, whatever the server asks for.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>Five attempts, waits of 0.5, 1, 2 and 4 s, at most 30 s for a <c>Retry-After</c>.</summary>
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <summary>Whether a status is worth another attempt: 429 and every 5xx except 501 and 505.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests ||
        (int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported);

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
    /// <param name="failedAttempts">Attempts that failed so far, at least 1.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, parsed, if any.</param>
    public TimeSpan Delay(int failedAttempts, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > MaxDelay ? MaxDelay : asked;
        }

        var exponent = Math.Clamp(failedAttempts - 1, 0, 16);
        var delay = BaseDelay * Math.Pow(2, exponent);
        return delay > MaxDelay ? MaxDelay : delay;
    }

    /// <summary>
    /// Parses a <c>Retry-After</c> value: delay seconds (<c>120</c>) or an HTTP date, which becomes the time
    /// left from <paramref name="now"/> (zero when past). Returns null for a missing or malformed value.
    /// </summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var date))
        {
            var left = date - now;
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }

        return null;
    }
}
