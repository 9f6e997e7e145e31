namespace Snello.Debian.Versions;

/// <summary>A string is not a version constraint such as <c>(&gt;= 2.36)</c>.</summary>
public sealed class VersionConstraintFormatException : FormatException
{
    /// <summary>Creates the exception for a constraint that does not parse.</summary>
    /// <param name="value">The constraint text.</param>
    /// <param name="reason">What is wrong, said as the expected form.</param>
    /// <param name="inner">The version error behind it, if any.</param>
    public VersionConstraintFormatException(string value, string reason, Exception? inner = null)
        : base($"invalid version constraint '{value}': {reason}", inner)
    {
        Value = value;
        Reason = reason;
    }

    /// <summary>The constraint text.</summary>
    public string Value { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
