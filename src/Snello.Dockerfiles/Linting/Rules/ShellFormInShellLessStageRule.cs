using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>CMD, ENTRYPOINT or HEALTHCHECK in shell form in a final image without a shell.</summary>
public sealed class ShellFormInShellLessStageRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF302";

    /// <inheritdoc />
    public override string Name => "shell-form-in-shell-less-image";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Distroless;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "CMD, ENTRYPOINT or HEALTHCHECK in shell form in a final image without a shell.";

    /// <inheritdoc />
    public override string Explanation =>
        "The shell form is run as /bin/sh -c '...'. Scratch, distroless and chiseled images have no "
        + "/bin/sh, so the container fails to start ('exec: \"/bin/sh\": stat /bin/sh: no such file or "
        + "directory') or its health check always fails.";

    /// <inheritdoc />
    public override string Fix =>
        "Use the exec form: ENTRYPOINT [\"/app/server\"], HEALTHCHECK CMD [\"/app/server\", "
        + "\"-healthcheck\"].";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Dockerfile.FinalStage is not { } final || context.Traits(final).HasShell)
        {
            return;
        }

        for (var stage = final; stage is not null; stage = stage.BaseStage)
        {
            foreach (var instruction in stage.Instructions.Where(i =>
                i.Keyword is "CMD" or "ENTRYPOINT" or "HEALTHCHECK"))
            {
                var shellForm = instruction.Keyword == "HEALTHCHECK"
                    ? instruction.Arguments.Count > 1 && instruction.Arguments[0].Equals("CMD",
                        StringComparison.OrdinalIgnoreCase) && !instruction.IsExecForm
                    : !instruction.IsExecForm && instruction.Arguments.Count > 0;
                if (shellForm)
                {
                    context.Report(instruction, stage,
                        $"{instruction.Keyword} is in shell form but base '{final.RootImage}' has no /bin/sh");
                }
            }
        }
    }
}
