using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>Instruction keywords in mixed case, or a stage name not in lowercase.</summary>
public sealed class CasingRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF015";

    /// <inheritdoc />
    public override string Name => "inconsistent-casing";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "Instruction keywords in mixed case, or a stage name not in lowercase.";

    /// <inheritdoc />
    public override string Explanation =>
        "Keywords are case-insensitive, but a file that mixes 'run' and 'RUN', or 'FROM x as y', "
        + "reads as if it had two dialects. Stage names are compared without case, so 'Build' and "
        + "'build' are the same stage, which lowercase names make plain.";

    /// <inheritdoc />
    public override string Fix =>
        "Write keywords in uppercase (including AS) and stage names in lowercase.";

    /// <inheritdoc />
    public override string? BuildKitCheck => "ConsistentInstructionCasing, FromAsCasing, StageNameCasing";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            var keyword = instruction.Node.Value;
            if (keyword != instruction.Keyword)
            {
                context.Report(instruction, stage, $"keyword '{keyword}' is not in uppercase");
            }

            if (instruction.Keyword == "FROM" && instruction.Arguments.Count == 3
                && instruction.Arguments[1].Equals("as", StringComparison.OrdinalIgnoreCase)
                && (instruction.Arguments[1] == "as") != (keyword == "from"))
            {
                context.Report(instruction, stage, $"'{keyword}' and '{instruction.Arguments[1]}' differ in case");
            }

            if (instruction.Keyword == "FROM" && stage.Name is { } name && name.Any(char.IsUpper))
            {
                context.Report(instruction, stage, $"stage name '{name}' is not in lowercase");
            }
        }
    }
}
