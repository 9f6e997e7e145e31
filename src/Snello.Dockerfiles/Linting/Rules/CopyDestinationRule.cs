using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>COPY or ADD with several sources and a destination that does not end with '/'.</summary>
public sealed class CopyDestinationRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF011";

    /// <inheritdoc />
    public override string Name => "copy-destination-not-directory";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "COPY or ADD with several sources and a destination that does not end with '/'.";

    /// <inheritdoc />
    public override string Explanation =>
        "With more than one source the destination must be a directory, written with a trailing "
        + "slash; otherwise the builder fails with 'When using COPY with more than one source file, the "
        + "destination must be a directory and end with a /'.";

    /// <inheritdoc />
    public override string Fix =>
        "Add a trailing '/' to the destination.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3021";

    /// <inheritdoc />
    public override string? Trivy => "DS011";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword is not ("COPY" or "ADD") || instruction.Heredocs.Count > 0)
            {
                continue;
            }

            var args = instruction.Arguments;
            if (args.Count > 2 && !args[^1].EndsWith('/') && !args[^1].Contains('$', StringComparison.Ordinal))
            {
                context.Report(instruction, stage,
                    $"{instruction.Keyword} has {args.Count - 1} sources, so destination '{args[^1]}' must end with "
                        + $"'/'");
            }
        }
    }
}
