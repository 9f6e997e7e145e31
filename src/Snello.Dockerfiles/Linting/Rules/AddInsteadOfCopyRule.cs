using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>ADD used for local files that COPY would copy.</summary>
public sealed class AddInsteadOfCopyRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF109";

    /// <inheritdoc />
    public override string Name => "add-instead-of-copy";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Security;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Low;

    /// <inheritdoc />
    public override string Summary =>
        "ADD used for local files that COPY would copy.";

    /// <inheritdoc />
    public override string Explanation =>
        "ADD also unpacks local archives and fetches URLs, so a reader cannot tell from the line what "
        + "it will do, and a file renamed to .tar starts to be extracted. COPY does only what it says.";

    /// <inheritdoc />
    public override string Fix =>
        "Use COPY for files and directories; keep ADD for archives that should be unpacked.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3020";

    /// <inheritdoc />
    public override string? Trivy => "DS005";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword != "ADD" || instruction.Heredocs.Count > 0 || instruction.Arguments.Count < 2)
            {
                continue;
            }

            var sources = instruction.Arguments.SkipLast(1).ToArray();
            if (sources.All(s => !s.Contains("://", StringComparison.Ordinal) && !s.StartsWith("git@",
                StringComparison.Ordinal) && !IsArchive(s)))
            {
                context.Report(instruction, stage, $"ADD '{sources[0]}' copies local files; use COPY");
            }
        }
    }

    private static readonly string[] ArchiveSuffixes =
        [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".gz", ".bz2", ".xz"];

    private static bool IsArchive(string source) =>
        source.Contains('*', StringComparison.Ordinal) || source.Contains('$', StringComparison.Ordinal)
        || ArchiveSuffixes.Any(s => source.EndsWith(s, StringComparison.OrdinalIgnoreCase));
}
