namespace Snello.Debian.Versions;

/// <summary>A string is not a Debian version as Debian policy 5.6.12 defines one.</summary>
public sealed class DebianVersionFormatException : FormatException
{
    /// <summary>Creates the exception for a version string that does not parse.</summary>
    /// <param name="value">The string that was given as a version.</param>
    /// <param name="reason">What is wrong with it, said as the expected form.</param>
    public DebianVersionFormatException(string value, string reason)
        : base($"invalid Debian version '{value}': {reason}")
    {
        Value = value;
        Reason = reason;
    }

    /// <summary>The string that was given as a version.</summary>
    public string Value { get; }

    /// <summary>What is wrong with the string.</summary>
    public string Reason { get; }
}
