using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>apk add without --no-cache in a shipping stage.</summary>
public sealed class ApkCacheRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF205";

    /// <inheritdoc />
    public override string Name => "apk-cache";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Size;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "apk add without --no-cache in a shipping stage.";

    /// <inheritdoc />
    public override string Explanation =>
        "Without --no-cache, apk keeps its index and package cache under /var/cache/apk in the layer.";

    /// <inheritdoc />
    public override string Fix =>
        "Use 'apk add --no-cache ...'.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3019";

    /// <inheritdoc />
    public override string? Trivy => "DS025";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword != "RUN" || !stage.ShipsInFinalImage)
            {
                continue;
            }

            var commands = RuleHelpers.Commands(instruction);
            var cleaned = commands.Any(c => c.Program == "rm" && c.Words.Any(w => w.StartsWith("/var/cache/apk",
                StringComparison.Ordinal)));
            foreach (var command in commands)
            {
                if (command.Program == "apk" && command.Subcommand == "add" && !command.Has("--no-cache")
                    && !cleaned)
                {
                    context.Report(instruction, stage, "apk add without --no-cache");
                }
            }
        }
    }
}
