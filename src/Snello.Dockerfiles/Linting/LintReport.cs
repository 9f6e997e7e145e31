using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting;

/// <summary>The findings of one lint run, ordered by position.</summary>
/// <param name="File">The file linted, as the user named it.</param>
/// <param name="Findings">The findings, ordered by line, column and rule id.</param>
/// <param name="Suppressed">How many findings inline comments or the configuration suppressed.</param>
public sealed record LintReport(string File, IReadOnlyList<LintFinding> Findings, int Suppressed)
{
    /// <summary>True when a finding is at <paramref name="threshold"/> or more severe.</summary>
    public bool HasFindingsAtOrAbove(Severity threshold) => Findings.Any(f => f.Severity.IsAtLeast(threshold));
}
