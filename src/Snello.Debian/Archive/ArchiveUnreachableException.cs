namespace Snello.Debian.Archive;

/// <summary>
/// A Debian mirror cannot be reached (connection refused, name not resolved, timeout) or answers with a
/// server error, so nothing it serves can be checked.
/// </summary>
public sealed class ArchiveUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="uri">The URL that was asked for.</param>
    /// <param name="reason">What went wrong, such as <c>connection refused</c>.</param>
    /// <param name="inner">The error behind it, if any.</param>
    public ArchiveUnreachableException(Uri uri, string reason, Exception? inner = null)
        : base($"Debian archive '{uri}' cannot be reached: {reason}", inner)
    {
        Uri = uri;
        Reason = reason;
    }

    /// <summary>The URL that was asked for.</summary>
    public Uri Uri { get; }

    /// <summary>What went wrong.</summary>
    public string Reason { get; }
}
