using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>The deprecated MAINTAINER instruction.</summary>
public sealed class MaintainerRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF012";

    /// <inheritdoc />
    public override string Name => "maintainer-deprecated";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Info;

    /// <inheritdoc />
    public override string Summary =>
        "The deprecated MAINTAINER instruction.";

    /// <inheritdoc />
    public override string Explanation =>
        "MAINTAINER has been deprecated since Docker 1.13; tools read the author from the "
        + "org.opencontainers.image.authors label instead.";

    /// <inheritdoc />
    public override string Fix =>
        "Replace it with LABEL org.opencontainers.image.authors=\"name <mail>\".";

    /// <inheritdoc />
    public override string? Hadolint => "DL4000";

    /// <inheritdoc />
    public override string? BuildKitCheck => "MaintainerDeprecated";

    /// <inheritdoc />
    public override string? Trivy => "DS022";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword == "MAINTAINER")
            {
                context.Report(instruction, stage,
                    "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors");
            }
        }
    }
}
