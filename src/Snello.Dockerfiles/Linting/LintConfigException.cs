namespace Snello.Dockerfiles.Linting;

/// <summary>A lint configuration file could not be read.</summary>
public sealed class LintConfigException : Exception
{
    /// <summary>Creates the exception for the file at <paramref name="path"/>.</summary>
    public LintConfigException(string path, string reason)
        : base($"invalid lint configuration '{path}': {reason}")
    {
        Path = path;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public LintConfigException() : base("invalid lint configuration")
    {
        Path = "";
    }

    /// <summary>Creates the exception with a message only.</summary>
    public LintConfigException(string message) : base(message)
    {
        Path = "";
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LintConfigException(string message, Exception innerException) : base(message, innerException)
    {
        Path = "";
    }

    /// <summary>The configuration file.</summary>
    public string Path { get; }
}
