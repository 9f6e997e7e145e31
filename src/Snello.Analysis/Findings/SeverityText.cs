using System.Diagnostics.CodeAnalysis;

namespace Snello.Analysis.Findings;

/// <summary>
/// Text forms of <see cref="Severity"/>: the lowercase names users type and read
/// (<c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c>, <c>info</c>) and the SARIF levels.
/// </summary>
public static class SeverityText
{
    /// <summary>The accepted names, most severe first, as they appear in messages and help.</summary>
    public const string ExpectedNames = "critical, high, medium, low, info";

    /// <summary>Returns the lowercase name of <paramref name="severity"/>, such as <c>high</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        Severity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not a defined severity"),
    };

    /// <summary>
    /// Returns the SARIF 2.1.0 result level (section 3.27.10): critical and high are
    /// <c>error</c>, medium is <c>warning</c>, low and info are <c>note</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public static string ToSarifLevel(this Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        Severity.Low or Severity.Info => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not a defined severity"),
    };

    /// <summary>True when <paramref name="severity"/> is as severe as <paramref name="threshold"/> or more.</summary>
    public static bool IsAtLeast(this Severity severity, Severity threshold) => severity <= threshold;

    /// <summary>Parses a severity name, ignoring case and surrounding white space.</summary>
    /// <exception cref="FormatException">
    /// The text is not a severity name; the message quotes it and lists the expected names.
    /// </exception>
    public static Severity Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var severity))
        {
            return severity;
        }

        throw new FormatException($"invalid severity '{text}': expected one of {ExpectedNames}");
    }

    /// <summary>Parses a severity name, ignoring case and surrounding white space.</summary>
    /// <returns>False when the text is not one of the five names.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Severity severity)
    {
        severity = Severity.Info;
        if (text is null)
        {
            return false;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "critical": severity = Severity.Critical; return true;
            case "high": severity = Severity.High; return true;
            case "medium": severity = Severity.Medium; return true;
            case "low": severity = Severity.Low; return true;
            case "info": severity = Severity.Info; return true;
            default: return false;
        }
    }
}
