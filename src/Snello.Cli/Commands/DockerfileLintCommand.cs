using System.CommandLine;
using Snello.Analysis.Findings;
using Snello.Cli.Rendering;
using Snello.Dockerfiles.Linting;
using Snello.Dockerfiles.Model;
using Snello.Dockerfiles.Reporting;

namespace Snello.Cli.Commands;

/// <summary><c>snello dockerfile lint FILE</c>: stage-aware lint findings; exit 1 at --fail-on or above.</summary>
internal static class DockerfileLintCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The Dockerfile ('-' reads stdin)" };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a finding is at this severity or above: critical, high, medium, low, info",
            HelpName = "SEVERITY",
            DefaultValueFactory = _ => "high",
        };
        var config = new Option<string?>("--config")
        {
            Description = "A JSON file that disables rules, changes severities and names shell-less or " +
                "non-root bases (see docs/dockerfiles.md)",
            HelpName = "FILE",
        };
        var command = new Command("lint", "Check a Dockerfile against Snello's rules (docs/dockerfile-rules.md): " +
            "correctness, security, size and distroless readiness, judging builder stages as builders.\n\n" +
            "Exit codes: 0 no finding at --fail-on or above, 1 such findings, 3 the file does not parse.\n\n" +
            "Examples:\n  snello dockerfile lint Dockerfile\n  snello dockerfile lint Dockerfile --fail-on medium "
                + "" +
            "--format json")
        {
            file, failOn, config,
        };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse);
            var threshold = SeverityText.Parse(parse.GetValue(failOn)!);
            var settings = parse.GetValue(config) is { } path ? LintConfigReader.Read(path) : LintConfig.Default;
            var name = parse.GetValue(file)!;
            var report = DockerfileLinter.Lint(Dockerfile.Parse(DockerfileCommand.ReadText(name), name), settings,
                name);

            switch (context.Format)
            {
                case OutputFormat.Json:
                    WriteStdout(stream => LintJsonWriter.Write(report, stream));
                    break;
                case OutputFormat.Sarif:
                    WriteStdout(stream => LintSarifWriter.Write(report, stream));
                    break;
                default:
                    WriteTable(context, report);
                    break;
            }

            return report.HasFindingsAtOrAbove(threshold) ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    private static void WriteStdout(Action<Stream> write)
    {
        using var stdout = Console.OpenStandardOutput();
        write(stdout);
        stdout.Write("\n"u8);
    }

    private static void WriteTable(CliContext context, LintReport report)
    {
        var table = new Table("LINE", "SEVERITY", "RULE", "STAGE", "MESSAGE");
        foreach (var finding in report.Findings)
        {
            table.Add($"{finding.Position.Line}:{finding.Position.Column}", finding.Severity.ToName(),
                finding.RuleId, finding.Stage ?? "-", finding.Message);
        }

        if (table.Count > 0)
        {
            table.Write(context.Out);
        }

        var counts = report.Findings.GroupBy(f => f.Severity).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToName()}");
        var summary = report.Findings.Count == 0 ? "no findings" : string.Join(", ", counts);
        var suppressed = report.Suppressed > 0 ? $" ({report.Suppressed} suppressed)" : "";
        context.Error.WriteLine($"{report.File}: {summary}{suppressed}");
    }
}
