namespace Snello.Build.Specs;

/// <summary>
/// A snello.yaml that cannot be used: bad YAML, an unknown key, a value of the wrong form. The message starts
/// with <c>FILE:LINE:COLUMN:</c> and names the key, the bad value and the expected form.
/// </summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The spec file as the user named it.</param>
    /// <param name="line">The 1-based line of the bad value, or 0 when unknown.</param>
    /// <param name="column">The 1-based column of the bad value, or 0 when unknown.</param>
    /// <param name="key">The dotted key, such as <c>distribution.suite</c>; empty for the whole document.</param>
    /// <param name="detail">What is wrong and what was expected.</param>
    /// <param name="inner">The YAML parser's error, if any.</param>
    public SpecException(string file, int line, int column, string key, string detail, Exception? inner = null)
        : base(line > 0 ? $"{file}:{line}:{column}: {detail}" : $"{file}: {detail}", inner)
    {
        File = file;
        Line = line;
        Column = column;
        Key = key;
        Detail = detail;
    }

    /// <summary>The spec file as the user named it.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the bad value, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the bad value, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The dotted key of the bad value, such as <c>users[1].uid</c>; empty for the whole document.</summary>
    public string Key { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Detail { get; }
}
