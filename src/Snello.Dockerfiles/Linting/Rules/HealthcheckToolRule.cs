using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>A HEALTHCHECK that calls curl, wget or nc in a final image that has no such tools.</summary>
public sealed class HealthcheckToolRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF303";

    /// <inheritdoc />
    public override string Name => "healthcheck-needs-missing-tool";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Distroless;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "A HEALTHCHECK that calls curl, wget or nc in a final image that has no such tools.";

    /// <inheritdoc />
    public override string Explanation =>
        "Shell-less bases carry no curl, wget or netcat, so a HEALTHCHECK calling one of them fails "
        + "every time and the orchestrator marks the container unhealthy and may restart it in a loop.";

    /// <inheritdoc />
    public override string Fix =>
        "Have the program check itself (a '-healthcheck' flag or a small static probe binary copied "
        + "in), or rely on the orchestrator's HTTP probes.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Dockerfile.FinalStage is not { } final || context.Traits(final).HasShell)
        {
            return;
        }

        var copied = final.Instructions.Where(i => i.Keyword == "COPY").SelectMany(i => i.Arguments).ToArray();
        for (var stage = final; stage is not null; stage = stage.BaseStage)
        {
            foreach (var check in stage.Instructions.Where(i => i.Keyword == "HEALTHCHECK"
                && i.Arguments.Count > 1))
            {
                var program = check.IsExecForm ? check.Arguments[1] : check.Arguments[1].Split(' ')[0];
                var name = System.IO.Path.GetFileName(program);
                if (name is "curl" or "wget" or "nc" or "netcat" && !copied.Any(c => c.EndsWith("/" + name,
                    StringComparison.Ordinal) || c == name))
                {
                    context.Report(check, stage,
                        $"HEALTHCHECK calls '{name}', which base '{final.RootImage}' does not have");
                }
            }
        }
    }
}
