using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>apt-get install in a shipping stage without removing /var/lib/apt/lists in the same RUN.</summary>
public sealed class AptListsRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF203";

    /// <inheritdoc />
    public override string Name => "apt-lists-not-removed";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Size;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "apt-get install in a shipping stage without removing /var/lib/apt/lists in the same RUN.";

    /// <inheritdoc />
    public override string Explanation =>
        "The package index that 'apt-get update' downloads (tens of megabytes) stays in the layer "
        + "unless the same RUN deletes it; a later RUN cannot shrink an earlier layer.";

    /// <inheritdoc />
    public override string Fix =>
        "End the RUN with '&& rm -rf /var/lib/apt/lists/*'.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3009";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword != "RUN" || !stage.ShipsInFinalImage || instruction.Flag("mount") is not null)
            {
                continue;
            }

            var commands = RuleHelpers.Commands(instruction);
            var installs = commands.Any(c => c.Program is "apt-get" or "apt" && c.Subcommand == "install");
            var cleans = commands.Any(c => c.Program == "rm" && c.Words.Any(w => w.StartsWith("/var/lib/apt/lists",
                StringComparison.Ordinal)));
            if (installs && !cleans)
            {
                context.Report(instruction, stage,
                    "apt lists are left in the layer; add 'rm -rf /var/lib/apt/lists/*'");
            }
        }
    }
}
