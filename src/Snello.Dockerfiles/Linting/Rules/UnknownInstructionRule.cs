using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>An instruction keyword the builder does not know.</summary>
public sealed class UnknownInstructionRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF001";

    /// <inheritdoc />
    public override string Name => "unknown-instruction";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "An instruction keyword the builder does not know.";

    /// <inheritdoc />
    public override string Explanation =>
        "BuildKit's parser keeps an unknown keyword, but the builder then stops with 'unknown "
        + "instruction'. Usually it is a typo (COPPY, ENTRYPIONT) or a line that lost its continuation "
        + "backslash, so that its second half is read as a new instruction.";

    /// <inheritdoc />
    public override string Fix =>
        "Correct the keyword, or add the missing backslash at the end of the line before.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var instruction in context.Dockerfile.Instructions.SelectMany(RuleHelpers.WithTrigger))
        {
            if (!RuleHelpers.KnownInstructions.Contains(instruction.Keyword))
            {
                context.Report(instruction, context.Dockerfile.StageOf(instruction),
                    $"unknown instruction '{instruction.Node.Value}'");
            }
        }
    }
}
