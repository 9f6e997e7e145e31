using Snello.Analysis.Findings;
using Snello.Dockerfiles.Model;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>pip install without --no-cache-dir in a shipping stage.</summary>
public sealed class PipCacheRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF204";

    /// <inheritdoc />
    public override string Name => "pip-cache";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Size;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "pip install without --no-cache-dir in a shipping stage.";

    /// <inheritdoc />
    public override string Explanation =>
        "pip keeps a cache of downloaded wheels under the user's home; in an image it is dead weight "
        + "in the layer.";

    /// <inheritdoc />
    public override string Fix =>
        "Add --no-cache-dir, or set ENV PIP_NO_CACHE_DIR=1.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3042";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword != "RUN" || !stage.ShipsInFinalImage || instruction.Flag("mount") is not null
                || HasNoCacheEnv(stage))
            {
                continue;
            }

            foreach (var command in RuleHelpers.Commands(instruction))
            {
                var pip = command.Program.StartsWith("pip", StringComparison.Ordinal)
                    || (command.Program.StartsWith("python", StringComparison.Ordinal) && command.Has("pip"));
                if (pip && command.Has("install") && !command.Has("--no-cache-dir"))
                {
                    context.Report(instruction, stage, "pip install without --no-cache-dir");
                }
            }
        }
    }

    private static bool HasNoCacheEnv(Stage stage) =>
        stage.Instructions.Any(i => i.Keyword == "ENV"
            && i.Arguments.Where((_, index) => index % 3 == 0).Contains("PIP_NO_CACHE_DIR",
                StringComparer.Ordinal));
}
