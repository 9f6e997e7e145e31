namespace Snello.Debian.Control;

/// <summary>Text is not valid deb822 (deb822(5)), or a paragraph lacks a field its use needs.</summary>
public sealed class Deb822FormatException : FormatException
{
    /// <summary>Creates the exception for a bad line.</summary>
    /// <param name="source">The file or description the text came from.</param>
    /// <param name="lineNumber">The line, counted from 1.</param>
    /// <param name="line">The line's text.</param>
    /// <param name="reason">What is wrong, said as the expected form.</param>
    public Deb822FormatException(string source, int lineNumber, string line, string reason)
        : base($"{source}:{lineNumber}: {reason}: '{line}'")
    {
        SourceName = source;
        LineNumber = lineNumber;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file or description the text came from.</summary>
    public string SourceName { get; }

    /// <summary>The line, counted from 1.</summary>
    public int LineNumber { get; }

    /// <summary>The line's text.</summary>
    public string Line { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
