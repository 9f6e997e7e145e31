namespace Snello.Debian.Archive;

/// <summary>
/// A .deb that an index or a lock file names is no longer in the archive (the mirror answers 404), as
/// happens when a newer version replaces it.
/// </summary>
public sealed class PinnedPackageMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filename">The file's path below the archive root, such as <c>pool/main/b/...deb</c>.</param>
    /// <param name="repository">The repository's name, such as <c>bookworm-security</c>.</param>
    /// <param name="uri">The URL that answered 404.</param>
    public PinnedPackageMissingException(string filename, string repository, Uri uri)
        : base($"'{filename}' is not in repository '{repository}' ('{uri}' answered 404): the archive no longer "
            + "holds this version; refresh the lock file")
    {
        Filename = filename;
        Repository = repository;
        Uri = uri;
    }

    /// <summary>The file's path below the archive root.</summary>
    public string Filename { get; }

    /// <summary>The repository's name.</summary>
    public string Repository { get; }

    /// <summary>The URL that answered 404.</summary>
    public Uri Uri { get; }
}
