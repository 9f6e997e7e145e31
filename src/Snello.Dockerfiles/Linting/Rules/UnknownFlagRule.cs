using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>A flag the instruction does not accept.</summary>
public sealed class UnknownFlagRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF003";

    /// <inheritdoc />
    public override string Name => "unknown-flag";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "A flag the instruction does not accept.";

    /// <inheritdoc />
    public override string Explanation =>
        "Each instruction accepts its own flags (COPY --from, RUN --mount, HEALTHCHECK "
        + "--interval...). The builder rejects any other flag with 'unknown flag', and a flag valid on "
        + "one instruction is not valid on another: --chown belongs to COPY and ADD, not RUN.";

    /// <inheritdoc />
    public override string Fix =>
        "Remove the flag, or move it to the instruction that accepts it.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var instruction in context.Dockerfile.Instructions.SelectMany(RuleHelpers.WithTrigger))
        {
            if (!AcceptedFlags.TryGetValue(instruction.Keyword, out var accepted))
            {
                accepted = [];
            }

            foreach (var flag in instruction.Flags)
            {
                if (!accepted.Contains(flag.Name, StringComparer.Ordinal))
                {
                    var expected = accepted.Length == 0 ? "none" : string.Join(", ", accepted.Select(a =>
                        "--" + a));
                    context.Report(flag.Position, instruction.EndLine, context.Dockerfile.StageOf(instruction),
                        $"{instruction.Keyword} does not accept flag '--{flag.Name}' (accepted: {expected})");
                }
            }
        }
    }

    // Dockerfile reference (BuildKit 1.x syntax): the flags each instruction takes.
    private static readonly Dictionary<string, string[]> AcceptedFlags = new(StringComparer.Ordinal)
    {
        ["FROM"] = ["platform"],
        ["COPY"] = ["from", "chown", "chmod", "link", "parents", "exclude"],
        ["ADD"] = ["chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack"],
        ["RUN"] = ["mount", "network", "security", "device"],
        ["HEALTHCHECK"] = ["interval", "timeout", "start-period", "start-interval", "retries"],
    };
}
