using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>An empty line inside a continued instruction.</summary>
public sealed class EmptyContinuationRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF017";

    /// <inheritdoc />
    public override string Name => "empty-continuation-line";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "An empty line inside a continued instruction.";

    /// <inheritdoc />
    public override string Explanation =>
        "The builder skips empty lines after a trailing backslash, but BuildKit warns that they will "
        + "become errors, and they often mean the backslash was left behind by mistake.";

    /// <inheritdoc />
    public override string Fix =>
        "Remove the empty line, or the backslash before it if the instruction was meant to end.";

    /// <inheritdoc />
    public override string? BuildKitCheck => "NoEmptyContinuation";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var warning in context.Dockerfile.Syntax.Warnings)
        {
            var instruction = context.Dockerfile.Instructions.LastOrDefault(i => i.StartLine <= warning.Line);
            if (instruction is not null)
            {
                context.Report(instruction, context.Dockerfile.StageOf(instruction),
                    $"{instruction.Keyword} on line {instruction.StartLine} has an empty continuation line");
            }
        }
    }
}
