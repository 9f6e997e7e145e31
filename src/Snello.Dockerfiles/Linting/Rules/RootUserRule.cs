using Snello.Analysis.Findings;
using Snello.Dockerfiles.Model;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>The final stage runs as root: no USER sets another user and the base image does not either.</summary>
public sealed class RootUserRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF101";

    /// <inheritdoc />
    public override string Name => "final-stage-runs-as-root";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Security;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "The final stage runs as root: no USER sets another user and the base image does not either.";

    /// <inheritdoc />
    public override string Explanation =>
        "A process running as root in the container is root on the host's kernel and, after a "
        + "container escape, on the host. Builder stages may run as root because their user never "
        + "ships; what counts is the final stage's last USER, or the base image's own USER (distroless "
        + "':nonroot' tags and Chainguard images run as uid 65532, chiseled .NET images as 'app').";

    /// <inheritdoc />
    public override string Fix =>
        "Add USER with a non-root user (USER 65532:65532, or USER nonroot on distroless) after the "
        + "steps that need root, or use a base that runs as non-root.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3002";

    /// <inheritdoc />
    public override string? Trivy => "DS002";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Dockerfile.FinalStage is not { } final)
        {
            return;
        }

        Instruction? lastUser = null;
        for (var stage = final; stage is not null && lastUser is null; stage = stage.BaseStage)
        {
            lastUser = stage.Instructions.LastOrDefault(i => i.Keyword == "USER");
        }

        if (lastUser is not null)
        {
            var user = lastUser.Arguments.Count > 0 ? lastUser.Arguments[0] : "";
            if (RuleHelpers.IsRootUser(user))
            {
                context.Report(lastUser, final, $"the last USER of the final stage is '{user}'");
            }

            return;
        }

        if (!context.Traits(final).RunsAsNonRoot)
        {
            context.Report(final.From, final,
                $"the final stage has no USER and its base '{final.RootImage}' runs as root");
        }
    }
}
