using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>The image exposes port 22 (SSH).</summary>
public sealed class ExposeSshRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF106";

    /// <inheritdoc />
    public override string Name => "expose-ssh";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Security;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Medium;

    /// <inheritdoc />
    public override string Summary =>
        "The image exposes port 22 (SSH).";

    /// <inheritdoc />
    public override string Explanation =>
        "An SSH server in a container is a second way in that needs its own keys, updates and "
        + "hardening; 'docker exec' or 'snello debug' give shell access without one.";

    /// <inheritdoc />
    public override string Fix =>
        "Remove the SSH server and EXPOSE 22; use docker exec, kubectl debug or snello debug.";

    /// <inheritdoc />
    public override string? Trivy => "DS004";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword == "EXPOSE" && instruction.Arguments.Any(p => p is "22" or "22/tcp"))
            {
                context.Report(instruction, stage, "EXPOSE 22 opens SSH");
            }
        }
    }
}
