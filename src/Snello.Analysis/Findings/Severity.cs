namespace Snello.Analysis.Findings;

/// <summary>
/// The one severity scale every Snello finding uses (audit, doctor, lint, scan), from the most
/// to the least serious. The numeric values order the members: a lower value is more severe.
/// </summary>
public enum Severity
{
    /// <summary>Exploitable or breaking in every realistic setting; fix before shipping.</summary>
    Critical = 0,

    /// <summary>Serious; the default threshold for exit code 1.</summary>
    High = 1,

    /// <summary>Worth fixing; a warning in SARIF.</summary>
    Medium = 2,

    /// <summary>A weakness with little impact on its own.</summary>
    Low = 3,

    /// <summary>Advice or a fact worth knowing; never a defect on its own.</summary>
    Info = 4,
}
