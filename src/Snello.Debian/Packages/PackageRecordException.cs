using Snello.Debian.Control;

namespace Snello.Debian.Packages;

/// <summary>A package stanza lacks a required field or holds a malformed value.</summary>
public sealed class PackageRecordException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="paragraph">The stanza, which names the file and line.</param>
    /// <param name="field">The field concerned.</param>
    /// <param name="value">Its value, or empty when missing.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="inner">The error behind it, if any.</param>
    public PackageRecordException(
        Deb822Paragraph paragraph, string field, string value, string reason, Exception? inner = null)
        : base($"{paragraph?.Source}:{paragraph?.LineNumber}: package '{paragraph?["Package"]}': "
            + $"{field} '{value}' {reason}", inner)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        File = paragraph.Source;
        LineNumber = paragraph.LineNumber;
        Field = field;
        Value = value;
    }

    /// <summary>The file the stanza is in.</summary>
    public string File { get; }

    /// <summary>The stanza's first line.</summary>
    public int LineNumber { get; }

    /// <summary>The field concerned.</summary>
    public string Field { get; }

    /// <summary>Its value, or empty when missing.</summary>
    public string Value { get; }
}
