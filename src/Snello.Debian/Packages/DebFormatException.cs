namespace Snello.Debian.Packages;

/// <summary>A file is not a readable .deb package (deb(5)).</summary>
public sealed class DebFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The .deb file.</param>
    /// <param name="reason">What is wrong, said as the expected form.</param>
    /// <param name="inner">The error behind it, if any.</param>
    public DebFormatException(string file, string reason, Exception? inner = null)
        : base($"'{file}' is not a valid .deb: {reason}", inner)
    {
        File = file;
        Reason = reason;
    }

    /// <summary>The .deb file.</summary>
    public string File { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
