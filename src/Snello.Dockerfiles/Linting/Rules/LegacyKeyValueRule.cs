using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>ENV or LABEL in the legacy 'key value' form.</summary>
public sealed class LegacyKeyValueRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF014";

    /// <inheritdoc />
    public override string Name => "legacy-key-value";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "ENV or LABEL in the legacy 'key value' form.";

    /// <inheritdoc />
    public override string Explanation =>
        "The form without '=' sets one variable to the whole rest of the line, so 'ENV A 1 B 2' sets "
        + "A to '1 B 2'. It is deprecated and easy to misread.";

    /// <inheritdoc />
    public override string Fix =>
        "Write key=value pairs: ENV A=1 B=2.";

    /// <inheritdoc />
    public override string? BuildKitCheck => "LegacyKeyValueFormat";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword is "ENV" or "LABEL" && instruction.Arguments.Count == 3
                && instruction.Arguments[2].Length == 0)
            {
                context.Report(instruction, stage,
                    $"{instruction.Keyword} '{instruction.Arguments[0]} {instruction.Arguments[1]}' uses the legacy "
                        + $"form; write '{instruction.Arguments[0]}=...'");
            }
        }
    }
}
