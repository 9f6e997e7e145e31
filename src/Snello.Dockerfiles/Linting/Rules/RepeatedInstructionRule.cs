using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage.</summary>
public sealed class RepeatedInstructionRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF007";

    /// <inheritdoc />
    public override string Name => "repeated-cmd-entrypoint-healthcheck";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Medium;

    /// <inheritdoc />
    public override string Summary =>
        "More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage.";

    /// <inheritdoc />
    public override string Explanation =>
        "Only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage take effect; the earlier ones are "
        + "silently ignored, which usually hides a mistake.";

    /// <inheritdoc />
    public override string Fix =>
        "Keep one of each per stage.";

    /// <inheritdoc />
    public override string? Hadolint => "DL4003, DL4004, DL3012";

    /// <inheritdoc />
    public override string? BuildKitCheck => "MultipleInstructionsDisallowed";

    /// <inheritdoc />
    public override string? Trivy => "DS016, DS007, DS023";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var stage in context.Dockerfile.Stages)
        {
            foreach (var group in stage.Instructions.Where(i => i.Keyword is "CMD" or "ENTRYPOINT" or "HEALTHCHECK")
                         .GroupBy(i => i.Keyword))
            {
                foreach (var ignored in group.SkipLast(1))
                {
                    context.Report(ignored, stage,
                        $"{ignored.Keyword} on line {ignored.StartLine} is overridden by a later {ignored.Keyword} "
                            + $"in stage {stage.DisplayName}");
                }
            }
        }
    }
}
