using Snello.Analysis.Findings;
using Snello.Dockerfiles.Images;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>A base image with no tag or the 'latest' tag.</summary>
public sealed class LatestTagRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF108";

    /// <inheritdoc />
    public override string Name => "base-tag-latest-or-missing";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Security;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Medium;

    /// <inheritdoc />
    public override string Summary =>
        "A base image with no tag or the 'latest' tag.";

    /// <inheritdoc />
    public override string Explanation =>
        "Without a tag the builder uses 'latest', which changes with every release of the image, so "
        + "builds break or change behaviour without any edit to the Dockerfile. For a builder stage "
        + "this is reported as low, since only the build is affected.";

    /// <inheritdoc />
    public override string Fix =>
        "Name an explicit version tag, such as python:3.12-slim-bookworm, or pin by digest.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3006, DL3007";

    /// <inheritdoc />
    public override string? Trivy => "DS001";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var stage in context.Dockerfile.Stages)
        {
            var image = stage.ResolvedBaseImage;
            if (stage.BaseStage is not null || image.Equals("scratch", StringComparison.OrdinalIgnoreCase)
                || image.Contains('@', StringComparison.Ordinal) || image.Length == 0)
            {
                continue;
            }

            var (_, tag) = BaseImageCatalog.Split(image);
            if (tag.Length == 0 || tag == "latest")
            {
                context.Report(stage.From, stage,
                    tag.Length == 0 ? $"base '{image}' has no tag, so 'latest' is used"
                        : $"base '{image}' uses the 'latest' tag",
                    stage.ShipsInFinalImage ? Severity.Medium : Severity.Low);
            }
        }
    }
}
