using System.Text.Json;
using Snello.Dockerfiles.Linting;
using Snello.Dockerfiles.Reporting;

namespace Snello.Tests.Dockerfiles.Reporting;

public sealed class LintWriterTests
{
    private static readonly LintReport Report = DockerfileLinter.Lint("FROM debian:12\nWORKDIR app\n",
        displayName: "dir/Dockerfile");

    [Fact]
    public void Sarif_results_carry_rule_id_level_file_and_region()
    {
        using var output = new MemoryStream();
        LintSarifWriter.Write(Report, output);

        using var sarif = JsonDocument.Parse(output.ToArray());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "SN-DF009");
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("dir/Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(2, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(RuleSet.All.Count,
            run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public void Json_lists_findings_with_severity_names()
    {
        using var output = new MemoryStream();
        LintJsonWriter.Write(Report, output);

        using var json = JsonDocument.Parse(output.ToArray());
        var finding = json.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("ruleId").GetString() == "SN-DF009");
        Assert.Equal("medium", finding.GetProperty("severity").GetString());
        Assert.Equal("relative-workdir", finding.GetProperty("name").GetString());
        Assert.Equal("dir/Dockerfile", json.RootElement.GetProperty("file").GetString());
    }
}
