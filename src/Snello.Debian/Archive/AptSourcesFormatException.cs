namespace Snello.Debian.Archive;

/// <summary>An apt sources file does not follow sources.list(5).</summary>
public sealed class AptSourcesFormatException : FormatException
{
    /// <summary>Creates the exception for a bad entry.</summary>
    /// <param name="file">The file the entry is in.</param>
    /// <param name="lineNumber">The entry's line, counted from 1.</param>
    /// <param name="text">The offending text.</param>
    /// <param name="reason">What is wrong, said as the expected form.</param>
    /// <param name="inner">The error behind it, if any.</param>
    public AptSourcesFormatException(
        string file, int lineNumber, string text, string reason, Exception? inner = null)
        : base($"{file}:{lineNumber}: {reason}: '{text}'", inner)
    {
        File = file;
        LineNumber = lineNumber;
        Text = text;
        Reason = reason;
    }

    /// <summary>The file the entry is in.</summary>
    public string File { get; }

    /// <summary>The entry's line, counted from 1.</summary>
    public int LineNumber { get; }

    /// <summary>The offending text.</summary>
    public string Text { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
