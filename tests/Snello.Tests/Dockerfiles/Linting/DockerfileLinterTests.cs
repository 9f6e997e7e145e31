using Snello.Analysis.Findings;
using Snello.Dockerfiles.Linting;

namespace Snello.Tests.Dockerfiles.Linting;

public sealed class DockerfileLinterTests
{
    [Fact]
    public void Inline_comment_suppresses_the_named_rule_on_the_next_instruction_only()
    {
        var report = DockerfileLinter.Lint("FROM a:1\n# snello-ignore SN-DF009\nWORKDIR one\nWORKDIR two\n");

        var workdirs = report.Findings.Where(f => f.RuleId == "SN-DF009").ToArray();
        Assert.Equal(4, Assert.Single(workdirs).Position.Line);
        Assert.Equal(1, report.Suppressed);
    }

    [Fact]
    public void Inline_comment_covers_findings_on_continuation_lines()
    {
        var report = DockerfileLinter.Lint("FROM a:1\n# snello-ignore=SN-DF003\nCOPY . \\\n  --bogus=1 /x\n" +
            "COPY \\\n  --bogus=1 . /x\n");

        var flags = report.Findings.Where(f => f.RuleId == "SN-DF003").ToArray();
        Assert.Equal(6, Assert.Single(flags).Position.Line);
    }

    [Fact]
    public void File_comment_suppresses_a_rule_everywhere()
    {
        var report = DockerfileLinter.Lint("# snello-ignore-file SN-DF107, SN-DF108\nFROM debian\nFROM debian\n");

        Assert.DoesNotContain(report.Findings, f => f.RuleId is "SN-DF107" or "SN-DF108");
    }

    [Fact]
    public void Config_disables_rules_and_overrides_severities()
    {
        var config = LintConfigReader.Parse(
            """{"disable": ["SN-DF107"], "severity": {"SN-DF108": "critical"}}""");

        var report = DockerfileLinter.Lint("FROM debian\nUSER 1000\n", config);

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "SN-DF107");
        Assert.Equal(Severity.Critical, report.Findings.Single(f => f.RuleId == "SN-DF108").Severity);
    }

    [Fact]
    public void Config_declares_a_team_base_image_as_shell_less_and_non_root()
    {
        var config = LintConfigReader.Parse(
            """{"shellLessImages": ["registry.example/base/*"], "nonRootImages": ["registry.example/base/*"]}""");

        var report = DockerfileLinter.Lint("FROM registry.example/base/static:1\nRUN true\n", config);

        Assert.Contains(report.Findings, f => f.RuleId == "SN-DF301");
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "SN-DF101");
    }

    [Theory]
    [InlineData("""{"disable": ["SN-DF999"]}""", "unknown rule 'SN-DF999'")]
    [InlineData("""{"severity": {"SN-DF101": "severe"}}""", "invalid severity")]
    [InlineData("""{"ignored": []}""", "unknown key 'ignored'")]
    [InlineData("""[1]""", "expected a JSON object")]
    public void Config_errors_name_the_offending_value(string json, string expected)
    {
        var error = Assert.Throws<LintConfigException>(() => LintConfigReader.Parse(json, "lint.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("lint.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_are_ordered_by_position_and_carry_the_stage()
    {
        var report = DockerfileLinter.Lint("FROM debian AS build\nWORKDIR src\nFROM debian:12\nWORKDIR out\n");

        var lines = report.Findings.Select(f => f.Position.Line).ToArray();
        Assert.Equal(lines.Order(), lines);
        Assert.Equal("build", report.Findings.First(f => f.RuleId == "SN-DF009").Stage);
    }

    [Fact]
    public void HasFindingsAtOrAbove_uses_the_severity_scale()
    {
        var report = DockerfileLinter.Lint("FROM debian:12@sha256:00\nUSER 1000\nWORKDIR x\n");

        Assert.True(report.HasFindingsAtOrAbove(Severity.Medium));
        Assert.False(report.HasFindingsAtOrAbove(Severity.High));
    }
}
