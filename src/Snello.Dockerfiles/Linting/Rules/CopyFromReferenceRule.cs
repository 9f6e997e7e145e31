using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>COPY --from naming its own stage, a later stage, or a name that is not a stage.</summary>
public sealed class CopyFromReferenceRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF006";

    /// <inheritdoc />
    public override string Name => "copy-from-reference";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "COPY --from naming its own stage, a later stage, or a name that is not a stage.";

    /// <inheritdoc />
    public override string Explanation =>
        "COPY --from takes an earlier stage (by name or index) or an image. Its own stage or a later "
        + "stage cannot be copied from. A plain word that is not a stage name is pulled as an image "
        + "from Docker Hub, which is rarely what was meant: usually the stage was renamed or misspelt.";

    /// <inheritdoc />
    public override string Fix =>
        "Point --from at an earlier stage by its name, or write the full image reference.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3022, DL3023";

    /// <inheritdoc />
    public override string? Trivy => "DS006";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = context.Dockerfile;
        foreach (var stage in file.Stages)
        {
            foreach (var copy in stage.Instructions.Where(i => i.Keyword is "COPY" or "ADD"))
            {
                var from = copy.Flag("from");
                if (from?.Value is not { Length: > 0 } target || target.Contains('$', StringComparison.Ordinal))
                {
                    continue;
                }

                var own = stage.Name is not null && stage.Name.Equals(target, StringComparison.OrdinalIgnoreCase);
                if (own || target == stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    context.Report(from.Position, copy.EndLine, stage,
                        $"COPY --from='{target}' names its own stage");
                    continue;
                }

                if (file.FindStage(target, stage.Index) is not null)
                {
                    continue;
                }

                if (file.FindStage(target) is { } later)
                {
                    context.Report(from.Position, copy.EndLine, stage,
                        $"COPY --from='{target}' names stage {later.DisplayName}, which comes later in the file");
                }
                else if (int.TryParse(target, out _))
                {
                    context.Report(from.Position, copy.EndLine, stage,
                        $"COPY --from='{target}': there is no stage {target}");
                }
                else if (!target.Contains(':', StringComparison.Ordinal) && !target.Contains('/',
                    StringComparison.Ordinal))
                {
                    context.Report(from.Position, copy.EndLine, stage,
                        $"COPY --from='{target}' is not a stage name, so the builder will pull an image '{target}'",
                        Severity.Medium);
                }
            }
        }
    }
}
