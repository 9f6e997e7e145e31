namespace Snello.Debian.Archive;

/// <summary>
/// A .deb that an index or a lock file names is no longer in the archive (the mirror answers 404), as
/// happens when a newer version replaces it.
/// </summary>
public sealed class PinnedPackageMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filename">The file's path below the archive root, such as <c>pool/main/b/...deb</c>.</param>
    /// <param name="repository">The repository that was asked.</param>
    public PinnedPackageMissingException(string filename, DebianRepository repository)
        : base($"'{filename}' is not in repository '{repository?.Name}' at '{repository?.Uri}' (HTTP 404): the "
            + "archive no longer holds this version; refresh the lock file")
    {
        ArgumentNullException.ThrowIfNull(repository);
        Filename = filename;
        Repository = repository;
    }

    /// <summary>The file's path below the archive root.</summary>
    public string Filename { get; }

    /// <summary>The repository that was asked.</summary>
    public DebianRepository Repository { get; }
}
