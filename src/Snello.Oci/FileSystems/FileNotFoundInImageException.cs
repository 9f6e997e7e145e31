namespace Snello.Oci.FileSystems;

/// <summary>A path asked for is not in the image, or is not the kind of entry the operation needs.</summary>
public sealed class FileNotFoundInImageException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public FileNotFoundInImageException(string path, string problem)
        : base($"path '{path}' {problem}")
    {
        Path = path;
    }

    /// <summary>The path as the caller gave it.</summary>
    public string Path { get; }
}
