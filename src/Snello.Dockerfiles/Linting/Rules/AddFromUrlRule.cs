using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>ADD downloads a file from a URL without a checksum.</summary>
public sealed class AddFromUrlRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF104";

    /// <inheritdoc />
    public override string Name => "add-from-url";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Security;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Medium;

    /// <inheritdoc />
    public override string Summary =>
        "ADD downloads a file from a URL without a checksum.";

    /// <inheritdoc />
    public override string Explanation =>
        "ADD fetches the URL at build time and trusts whatever comes back; nothing checks that it is "
        + "the file the author meant, and the layer changes whenever the server's file does.";

    /// <inheritdoc />
    public override string Fix =>
        "Use ADD --checksum=sha256:... (BuildKit), or RUN curl -fsSLO URL && echo 'SUM  file' | "
        + "sha256sum -c.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword != "ADD" || instruction.Flag("checksum") is not null)
            {
                continue;
            }

            foreach (var source in instruction.Arguments.SkipLast(1))
            {
                if (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                {
                    context.Report(instruction, stage, $"ADD fetches '{source}' without --checksum");
                }
            }
        }
    }
}
