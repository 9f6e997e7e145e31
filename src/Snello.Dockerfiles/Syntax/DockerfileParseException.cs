namespace Snello.Dockerfiles.Syntax;

/// <summary>The text is not a Dockerfile the BuildKit parser would accept.</summary>
public sealed class DockerfileParseException : Exception
{
    /// <summary>Creates the exception for a failure on lines <paramref name="startLine"/> to <paramref
    /// name="endLine"/>.</summary>
    public DockerfileParseException(string reason, int startLine, int endLine)
        : base(startLine > 0 ? $"dockerfile parse error on line {startLine}: {reason}" : reason)
    {
        Reason = reason;
        StartLine = startLine;
        EndLine = endLine < startLine ? startLine : endLine;
    }

    /// <summary>Creates the exception with no location.</summary>
    public DockerfileParseException() : this("dockerfile parse error", 0, 0)
    {
    }

    /// <summary>Creates the exception with no location.</summary>
    public DockerfileParseException(string message) : this(message, 0, 0)
    {
    }

    /// <summary>Creates the exception with no location, wrapping <paramref name="innerException"/>.</summary>
    public DockerfileParseException(string message, Exception innerException) : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>The failure without its location.</summary>
    public string Reason { get; } = "";

    /// <summary>The 1-based first line of the failing instruction, 0 when unknown.</summary>
    public int StartLine { get; }

    /// <summary>The 1-based last line of the failing instruction, 0 when unknown.</summary>
    public int EndLine { get; }
}
