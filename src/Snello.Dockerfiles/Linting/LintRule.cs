using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting;

/// <summary>
/// A lint rule: a stable id, a group, a default severity, a paragraph saying why it matters, a fix,
/// and the rules of hadolint, BuildKit's checks and Trivy that have the same intent.
/// </summary>
public abstract class LintRule
{
    /// <summary>The stable id, such as <c>SN-DF101</c>.</summary>
    public abstract string Id { get; }

    /// <summary>A short kebab-case name, such as <c>final-stage-runs-as-root</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The group the rule belongs to.</summary>
    public abstract RuleGroup Group { get; }

    /// <summary>The severity findings get unless the configuration overrides it.</summary>
    public abstract Severity DefaultSeverity { get; }

    /// <summary>One sentence saying what the rule finds.</summary>
    public abstract string Summary { get; }

    /// <summary>A paragraph saying why it matters.</summary>
    public abstract string Explanation { get; }

    /// <summary>How to fix it.</summary>
    public abstract string Fix { get; }

    /// <summary>The hadolint rule with the same intent, or null.</summary>
    public virtual string? Hadolint => null;

    /// <summary>The BuildKit build check with the same intent, or null.</summary>
    public virtual string? BuildKitCheck => null;

    /// <summary>The Trivy misconfiguration check with the same intent, or null.</summary>
    public virtual string? Trivy => null;

    /// <summary>Runs the rule and reports through <paramref name="context"/>.</summary>
    public abstract void Check(LintContext context);
}
