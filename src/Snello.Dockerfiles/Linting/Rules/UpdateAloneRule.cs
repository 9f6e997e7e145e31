using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>A RUN that updates the package index without installing anything in the same RUN.</summary>
public sealed class UpdateAloneRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF018";

    /// <inheritdoc />
    public override string Name => "package-update-alone";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Medium;

    /// <inheritdoc />
    public override string Summary =>
        "A RUN that updates the package index without installing anything in the same RUN.";

    /// <inheritdoc />
    public override string Explanation =>
        "The layer cache keeps the result of 'apt-get update' (or 'apk update') alone, so a later "
        + "'apt-get install' in another RUN may use a stale index and fail or install old versions.";

    /// <inheritdoc />
    public override string Fix =>
        "Update and install in one RUN: RUN apt-get update && apt-get install -y ...";

    /// <inheritdoc />
    public override string? Trivy => "DS017";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword != "RUN")
            {
                continue;
            }

            var commands = RuleHelpers.Commands(instruction);
            var updates = commands.Any(c => c.Program is "apt-get" or "apt" or "apk" or "yum" or "dnf"
                && c.Subcommand is "update" or "makecache");
            var installs = commands.Any(c => c.Program is "apt-get" or "apt" or "apk" or "yum" or "dnf"
                && c.Subcommand is "install" or "add" or "upgrade" or "dist-upgrade");
            if (updates && !installs)
            {
                context.Report(instruction, stage, "the package index is updated in a RUN that installs nothing");
            }
        }
    }
}
