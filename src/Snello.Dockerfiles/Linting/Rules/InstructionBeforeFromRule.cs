using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>An instruction other than ARG before the first FROM, or no FROM at all.</summary>
public sealed class InstructionBeforeFromRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF002";

    /// <inheritdoc />
    public override string Name => "instruction-before-from";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "An instruction other than ARG before the first FROM, or no FROM at all.";

    /// <inheritdoc />
    public override string Explanation =>
        "Only ARG may come before the first FROM: those ARGs are global and may be used in FROM "
        + "lines. Anything else there has no stage to run in, and the build fails.";

    /// <inheritdoc />
    public override string Fix =>
        "Move the instruction after a FROM, or start the file with FROM.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3061";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var instruction in context.Dockerfile.Preamble)
        {
            if (instruction.Keyword != "ARG" && RuleHelpers.KnownInstructions.Contains(instruction.Keyword))
            {
                context.Report(instruction, null,
                    $"'{instruction.Keyword}' comes before the first FROM; only ARG may");
            }
        }

        if (context.Dockerfile.Stages.Count == 0)
        {
            context.Report(context.Dockerfile.Instructions[0], null, "the file has no FROM instruction");
        }
    }
}
