using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>A base image referenced by tag only, not by digest.</summary>
public sealed class UnpinnedBaseRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF107";

    /// <inheritdoc />
    public override string Name => "base-not-pinned-by-digest";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Security;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Medium;

    /// <inheritdoc />
    public override string Summary =>
        "A base image referenced by tag only, not by digest.";

    /// <inheritdoc />
    public override string Explanation =>
        "A tag can be moved to different content at any time, so the same Dockerfile builds a "
        + "different image tomorrow, and a compromised registry account can slip in other content. The "
        + "final stage's base ships, so it is reported as medium; a builder stage's base only affects "
        + "what is built, so it is a note.";

    /// <inheritdoc />
    public override string Fix =>
        "Pin the base by digest: FROM debian:bookworm-slim@sha256:..., and update the digest "
        + "deliberately (for example with a dependency bot).";

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

            context.Report(stage.From, stage, $"base '{image}' is not pinned by digest",
                stage.ShipsInFinalImage ? Severity.Medium : Severity.Info);
        }
    }
}
