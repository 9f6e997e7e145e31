using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>apt-get install without --no-install-recommends in a stage that ships.</summary>
public sealed class AptRecommendsRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF202";

    /// <inheritdoc />
    public override string Name => "apt-install-recommends";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Size;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "apt-get install without --no-install-recommends in a stage that ships.";

    /// <inheritdoc />
    public override string Explanation =>
        "By default apt installs every recommended package too, often doubling what lands in the "
        + "image. Only stages whose layers ship (the final stage and the stages it is built FROM) are "
        + "judged: a builder stage's packages are discarded.";

    /// <inheritdoc />
    public override string Fix =>
        "Add --no-install-recommends (and install what is really needed explicitly).";

    /// <inheritdoc />
    public override string? Hadolint => "DL3015";

    /// <inheritdoc />
    public override string? Trivy => "DS029";

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

            foreach (var command in RuleHelpers.Commands(instruction))
            {
                if (command.Program is "apt-get" or "apt" && command.Subcommand == "install"
                    && !command.Has("--no-install-recommends") && !command.HasPrefix("-oAPT::Install-Recommends=")
                    && !command.Has("APT::Install-Recommends=false", "APT::Install-Recommends=0"))
                {
                    context.Report(instruction, stage,
                        $"'{command.Program} install' without --no-install-recommends");
                }
            }
        }
    }
}
