namespace Snello.Debian.Archive;

/// <summary>
/// A mirror answers, but has no InRelease for the suite (HTTP 404): the suite does not exist there, or the
/// URI is not a Debian archive root.
/// </summary>
public sealed class SuiteNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="repository">The repository whose suite was asked for.</param>
    /// <param name="uri">The InRelease URL that answered 404.</param>
    public SuiteNotFoundException(DebianRepository repository, Uri uri)
        : base($"suite '{repository?.Suite}' does not exist at '{repository?.Uri}': '{uri}' answered 404 (expected "
            + "an archive root holding 'dists/<suite>/InRelease', and a suite such as 'bookworm' or 'trixie')")
    {
        ArgumentNullException.ThrowIfNull(repository);
        Repository = repository;
        Uri = uri;
    }

    /// <summary>The repository whose suite was asked for.</summary>
    public DebianRepository Repository { get; }

    /// <summary>The InRelease URL that answered 404.</summary>
    public Uri Uri { get; }
}
