using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>RUN changes directory with cd instead of WORKDIR.</summary>
public sealed class RunCdRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF010";

    /// <inheritdoc />
    public override string Name => "run-cd";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "RUN changes directory with cd instead of WORKDIR.";

    /// <inheritdoc />
    public override string Explanation =>
        "A cd lasts only until the end of its RUN; the next instruction starts in the WORKDIR again, "
        + "which surprises readers and breaks when commands are moved between RUN lines.";

    /// <inheritdoc />
    public override string Fix =>
        "Use WORKDIR for the directory later instructions need; keep cd only inside one command chain "
        + "that needs it.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3003";

    /// <inheritdoc />
    public override string? Trivy => "DS013";

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
            if (commands.Count > 0 && commands[0].Program == "cd" && commands[0].Words.Count > 1)
            {
                context.Report(instruction, stage, $"RUN starts with 'cd {commands[0].Words[1]}'; use WORKDIR");
            }
        }
    }
}
