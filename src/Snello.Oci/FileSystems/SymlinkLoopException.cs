namespace Snello.Oci.FileSystems;

/// <summary>Resolving a path followed more symbolic links than Linux allows (40), which means a loop.</summary>
public sealed class SymlinkLoopException : ImageFormatException
{
    /// <summary>The most links followed while resolving one path, as Linux's MAXSYMLINKS.</summary>
    public const int MaxLinks = 40;

    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public SymlinkLoopException(string path)
        : base($"path '{path}' follows more than {MaxLinks} symbolic links; expected a path without a link loop")
    {
        Path = path;
    }

    /// <summary>The path being resolved.</summary>
    public string Path { get; }
}
