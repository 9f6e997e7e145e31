using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>CMD or ENTRYPOINT in shell form in the final stage.</summary>
public sealed class ShellFormCommandRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF008";

    /// <inheritdoc />
    public override string Name => "shell-form-command";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "CMD or ENTRYPOINT in shell form in the final stage.";

    /// <inheritdoc />
    public override string Explanation =>
        "The shell form runs the program as a child of /bin/sh -c, so the shell is PID 1 and does not "
        + "pass on SIGTERM: 'docker stop' waits its grace period and then kills the container. An "
        + "ENTRYPOINT in shell form also ignores CMD and run arguments.";

    /// <inheritdoc />
    public override string Fix =>
        "Use the exec form, such as ENTRYPOINT [\"/app/server\", \"--port\", \"8080\"].";

    /// <inheritdoc />
    public override string? Hadolint => "DL3025";

    /// <inheritdoc />
    public override string? BuildKitCheck => "JSONArgsRecommended";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Dockerfile.FinalStage is not { } stage || !context.Traits(stage).HasShell)
        {
            return;
        }

        foreach (var instruction in stage.Instructions.Where(i => i.Keyword is "CMD" or "ENTRYPOINT"))
        {
            if (!instruction.IsExecForm && instruction.Arguments.Count > 0)
            {
                context.Report(instruction, stage,
                    $"{instruction.Keyword} '{instruction.Arguments[0]}' is in shell form; signals will not reach "
                        + $"the program");
            }
        }
    }
}
