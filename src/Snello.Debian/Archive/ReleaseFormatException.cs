namespace Snello.Debian.Archive;

/// <summary>A Release file lacks a field, holds a bad value, or is past its Valid-Until.</summary>
public sealed class ReleaseFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The Release or InRelease file.</param>
    /// <param name="field">The field concerned, such as <c>Valid-Until</c>.</param>
    /// <param name="value">The field's value, or empty when it is missing.</param>
    /// <param name="reason">What is wrong, said as the expected form.</param>
    /// <param name="inner">The error behind it, if any.</param>
    public ReleaseFormatException(string file, string field, string value, string reason, Exception? inner = null)
        : base($"'{file}': {field} '{value}' {reason}", inner)
    {
        File = file;
        Field = field;
        Value = value;
        Reason = reason;
    }

    /// <summary>The Release or InRelease file.</summary>
    public string File { get; }

    /// <summary>The field concerned.</summary>
    public string Field { get; }

    /// <summary>The field's value, or empty when it is missing.</summary>
    public string Value { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
