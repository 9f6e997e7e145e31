using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>yum, dnf, microdnf or zypper install in a shipping stage without cleaning its cache in the same
/// RUN.</summary>
public sealed class RpmCacheRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF206";

    /// <inheritdoc />
    public override string Name => "rpm-cache";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Size;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "yum, dnf, microdnf or zypper install in a shipping stage without cleaning its cache in the "
        + "same RUN.";

    /// <inheritdoc />
    public override string Explanation =>
        "These package managers keep downloaded packages and metadata under /var/cache; unless the "
        + "same RUN cleans them they stay in the layer.";

    /// <inheritdoc />
    public override string Fix =>
        "End the RUN with '&& yum clean all' (or dnf clean all, microdnf clean all, zypper clean).";

    /// <inheritdoc />
    public override string? Hadolint => "DL3032, DL3040, DL3036";

    /// <inheritdoc />
    public override string? Trivy => "DS015, DS019, DS020";

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
            foreach (var command in commands)
            {
                if (command.Program is "yum" or "dnf" or "microdnf" or "zypper"
                    && command.Subcommand is "install" or "in" or "update" or "upgrade"
                    && !commands.Any(c => c.Program == command.Program && c.Subcommand is "clean" or "cc")
                    && !commands.Any(c => c.Program == "rm" && c.Words.Any(w => w.StartsWith("/var/cache",
                        StringComparison.Ordinal))))
                {
                    context.Report(instruction, stage,
                        $"'{command.Program} {command.Subcommand}' without '{command.Program} clean'");
                    break;
                }
            }
        }
    }
}
