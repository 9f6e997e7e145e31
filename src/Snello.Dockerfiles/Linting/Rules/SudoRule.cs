using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>RUN uses sudo.</summary>
public sealed class SudoRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF105";

    /// <inheritdoc />
    public override string Name => "sudo";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Security;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Medium;

    /// <inheritdoc />
    public override string Summary =>
        "RUN uses sudo.";

    /// <inheritdoc />
    public override string Explanation =>
        "RUN already runs as the current USER; sudo in an image means a sudo binary and a sudoers "
        + "policy ship with it, which lets any process in the container become root. Its terminal and "
        + "environment handling also make builds unpredictable.";

    /// <inheritdoc />
    public override string Fix =>
        "Switch with USER root before the step and back to the unprivileged user after it.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3004";

    /// <inheritdoc />
    public override string? Trivy => "DS010";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword == "RUN" && RuleHelpers.Commands(instruction).Any(c => c.UsesSudo))
            {
                context.Report(instruction, stage, "RUN uses sudo");
            }
        }
    }
}
