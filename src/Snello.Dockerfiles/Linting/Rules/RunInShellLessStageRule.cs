using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>RUN in a stage whose base has no shell (scratch, distroless, chiseled).</summary>
public sealed class RunInShellLessStageRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF301";

    /// <inheritdoc />
    public override string Name => "run-in-shell-less-stage";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Distroless;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "RUN in a stage whose base has no shell (scratch, distroless, chiseled).";

    /// <inheritdoc />
    public override string Explanation =>
        "A shell-form RUN is executed by /bin/sh -c, which these bases do not have, so the build "
        + "fails with 'executable file not found'. An exec-form RUN works only if the program it names "
        + "exists in the base, which is rarely the case; it is reported as medium. Do the work in a "
        + "builder stage instead.";

    /// <inheritdoc />
    public override string Fix =>
        "Move the RUN to a builder stage and COPY --from its results.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var stage in context.Dockerfile.Stages)
        {
            var traits = context.Traits(stage);
            if (traits.HasShell)
            {
                continue;
            }

            var shellSet = false;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Keyword == "SHELL")
                {
                    shellSet = true;
                }

                if (instruction.Keyword != "RUN")
                {
                    continue;
                }

                if (instruction.IsExecForm)
                {
                    var program = instruction.Arguments.Count > 0 ? instruction.Arguments[0] : "";
                    context.Report(instruction, stage,
                        $"exec-form RUN needs '{program}' in base '{stage.RootImage}', which has no shell or tools",
                        Severity.Medium);
                }
                else
                {
                    context.Report(instruction, stage,
                        $"RUN needs {(shellSet ? "the SHELL program" : "/bin/sh")}, which base '{stage.RootImage}' "
                            + $"does not have");
                }
            }
        }
    }
}
