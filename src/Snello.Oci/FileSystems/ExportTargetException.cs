namespace Snello.Oci.FileSystems;

/// <summary>The directory an export should create cannot be used: it is not empty, or its parent is missing.</summary>
public sealed class ExportTargetException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public ExportTargetException(string path, string problem)
        : base($"export target '{path}' {problem}")
    {
        Path = path;
    }

    /// <summary>The target as the caller gave it.</summary>
    public string Path { get; }
}
