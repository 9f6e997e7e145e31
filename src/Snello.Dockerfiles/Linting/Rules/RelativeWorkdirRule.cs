using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>WORKDIR with a relative path.</summary>
public sealed class RelativeWorkdirRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF009";

    /// <inheritdoc />
    public override string Name => "relative-workdir";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Medium;

    /// <inheritdoc />
    public override string Summary =>
        "WORKDIR with a relative path.";

    /// <inheritdoc />
    public override string Explanation =>
        "A relative WORKDIR is resolved against the previous one, which depends on the base image and "
        + "on every earlier WORKDIR; a change in the base silently moves the files.";

    /// <inheritdoc />
    public override string Fix =>
        "Use an absolute path, such as WORKDIR /app.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3000";

    /// <inheritdoc />
    public override string? BuildKitCheck => "WorkdirRelativePath";

    /// <inheritdoc />
    public override string? Trivy => "DS009";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword != "WORKDIR" || instruction.Arguments.Count == 0)
            {
                continue;
            }

            var path = instruction.Arguments[0].Trim('"', '\'');
            if (!path.StartsWith('/') && !path.StartsWith('$') && !(path.Length > 1 && path[1] == ':'))
            {
                context.Report(instruction, stage, $"WORKDIR '{path}' is relative");
            }
        }
    }
}
