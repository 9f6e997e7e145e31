namespace Snello.Debian.Control;

/// <summary>A relationship field (Depends, Provides, ...) does not follow Debian policy 7.1.</summary>
public sealed class RelationFormatException : FormatException
{
    /// <summary>Creates the exception for a bad relation.</summary>
    /// <param name="value">The offending text (the field or the part of it that is wrong).</param>
    /// <param name="reason">What is wrong, said as the expected form.</param>
    /// <param name="inner">The version error behind it, if any.</param>
    public RelationFormatException(string value, string reason, Exception? inner = null)
        : base($"invalid relation '{value}': {reason}", inner)
    {
        Value = value;
        Reason = reason;
    }

    /// <summary>The offending text.</summary>
    public string Value { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
