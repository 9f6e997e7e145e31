namespace Snello.Debian.Archive;

/// <summary>
/// A mirror answers, but has no InRelease for the suite (HTTP 404): the suite does not exist there, or the
/// URI is not a Debian archive root.
/// </summary>
public sealed class SuiteNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="suite">The suite asked for, such as <c>bookworm</c>.</param>
    /// <param name="archive">The archive root.</param>
    /// <param name="uri">The InRelease URL that answered 404.</param>
    public SuiteNotFoundException(string suite, Uri archive, Uri uri)
        : base($"suite '{suite}' does not exist at '{archive}': '{uri}' answered 404 (expected an archive root "
            + "holding 'dists/<suite>/InRelease', and a suite such as 'bookworm' or 'trixie')")
    {
        Suite = suite;
        Archive = archive;
        Uri = uri;
    }

    /// <summary>The suite asked for.</summary>
    public string Suite { get; }

    /// <summary>The archive root.</summary>
    public Uri Archive { get; }

    /// <summary>The InRelease URL that answered 404.</summary>
    public Uri Uri { get; }
}
