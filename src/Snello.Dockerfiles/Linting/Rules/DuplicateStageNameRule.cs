using Snello.Analysis.Findings;
using Snello.Dockerfiles.Model;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>Two stages with the same name.</summary>
public sealed class DuplicateStageNameRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF005";

    /// <inheritdoc />
    public override string Name => "duplicate-stage-name";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "Two stages with the same name.";

    /// <inheritdoc />
    public override string Explanation =>
        "Stage names are compared without regard to case and must be unique; BuildKit rejects a "
        + "repeated name, and references to it would be ambiguous.";

    /// <inheritdoc />
    public override string Fix =>
        "Rename one of the stages and update its COPY --from and FROM references.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3024";

    /// <inheritdoc />
    public override string? BuildKitCheck => "DuplicateStageName";

    /// <inheritdoc />
    public override string? Trivy => "DS012";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seen = new Dictionary<string, Stage>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in context.Dockerfile.Stages)
        {
            if (stage.Name is null)
            {
                continue;
            }

            if (seen.TryGetValue(stage.Name, out var first))
            {
                context.Report(stage.From, stage,
                    $"stage name '{stage.Name}' is already used by the stage on line {first.From.StartLine}");
            }
            else
            {
                seen[stage.Name] = stage;
            }
        }
    }
}
