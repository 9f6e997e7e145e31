using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>EXPOSE with a port that is not a number from 0 to 65535, a range, or a /tcp, /udp or /sctp
/// suffix.</summary>
public sealed class InvalidExposeRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF016";

    /// <inheritdoc />
    public override string Name => "invalid-expose";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "EXPOSE with a port that is not a number from 0 to 65535, a range, or a /tcp, /udp or /sctp "
        + "suffix.";

    /// <inheritdoc />
    public override string Explanation =>
        "The builder rejects a port it cannot parse, such as '80:80' (a publish mapping, which only "
        + "'docker run -p' takes) or a number above 65535.";

    /// <inheritdoc />
    public override string Fix =>
        "Write the container port only, such as EXPOSE 8080 or EXPOSE 53/udp, and map host ports at "
        + "run time.";

    /// <inheritdoc />
    public override string? Hadolint => "DL3011";

    /// <inheritdoc />
    public override string? Trivy => "DS008";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword != "EXPOSE")
            {
                continue;
            }

            foreach (var port in instruction.Arguments)
            {
                if (!port.Contains('$', StringComparison.Ordinal) && !IsValidPort(port))
                {
                    context.Report(instruction, stage,
                        $"EXPOSE '{port}' is not a valid port, range or port/protocol");
                }
            }
        }
    }

    private static bool IsValidPort(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var port = slash < 0 ? text : text[..slash];
        var protocol = slash < 0 ? "tcp" : text[(slash + 1)..].ToLowerInvariant();
        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            return false;
        }

        var dash = port.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? IsPortNumber(port)
            : IsPortNumber(port[..dash]) && IsPortNumber(port[(dash + 1)..]);
    }

    private static bool IsPortNumber(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && text.Length <= 5
        && int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) <= 65535;
}
