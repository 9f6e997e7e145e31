using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Dockerfiles;

/// <summary><c>snello dockerfile lint|advise</c> run as a user runs them: exit codes and documents.</summary>
public sealed class DockerfileCommandTests : IDisposable
{
    private const string SingleStage = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n" +
        "CMD [\"/out/app\"]\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Lint_exits_1_at_the_default_high_threshold_and_0_above_it()
    {
        var file = Write("Dockerfile", SingleStage);

        var high = SnelloCli.Run("dockerfile", "lint", file);
        var critical = SnelloCli.Run("dockerfile", "lint", file, "--fail-on", "critical");

        Assert.True(high.ExitCode == 1, high.ToString());
        Assert.Contains("SN-DF101", high.Stdout, StringComparison.Ordinal);
        Assert.True(critical.ExitCode == 0, critical.ToString());
    }

    [Fact]
    public void Lint_exits_3_on_a_file_that_does_not_parse_and_2_on_a_bad_severity()
    {
        var broken = Write("broken", "FROM x\nCMD [\"a\", [\"b\"]]\n");

        var parse = SnelloCli.Run("dockerfile", "lint", broken);
        var usage = SnelloCli.Run("dockerfile", "lint", broken, "--fail-on", "severe");

        Assert.True(parse.ExitCode == 3, parse.ToString());
        Assert.Contains("[dockerfile-parse]", parse.Stderr, StringComparison.Ordinal);
        Assert.True(usage.ExitCode == 2, usage.ToString());
        Assert.Contains("'severe'", usage.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_reads_a_config_file()
    {
        var file = Write("Dockerfile", SingleStage);
        var config = Write("lint.json", """{"disable": ["SN-DF101"]}""");

        var result = SnelloCli.Run("dockerfile", "lint", file, "--config", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("SN-DF101", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_sarif_validates_against_the_sarif_2_1_0_schema()
    {
        var python = Components.RequireJsonSchemaValidator();
        var schemas = Components.RequireConformance(Path.Combine("schemas", "sarif"));
        var file = Write("Dockerfile", SingleStage + "EXPOSE 22\nWORKDIR rel\n");

        var sarif = SnelloCli.Run("dockerfile", "lint", file, "--format", "sarif");
        var output = Write("out.sarif", sarif.Stdout);

        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "validate_schema.py");
        var check = ProcessRunner.Run(python, [script, schemas, "sarif-schema-2.1.0.json", output]);
        Assert.True(check.ExitCode == 0, check + "\n" + sarif.Stdout);
        Assert.Contains("\"startColumn\"", sarif.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_and_advise_json_validate_against_their_documented_schemas()
    {
        var python = Components.RequireJsonSchemaValidator();
        var file = Write("Dockerfile", SingleStage);
        var schemas = Path.Combine(Repository.Root, "docs", "schemas");
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "validate_schema.py");

        var lint = Write("lint.json", SnelloCli.Run("dockerfile", "lint", file, "--format", "json").Stdout);
        var advise = Write("advise.json", SnelloCli.Check("dockerfile", "advise", file, "--format", "json").Stdout);

        var lintCheck = ProcessRunner.Run(python, [script, schemas, "dockerfile-lint.schema.json", lint]);
        var adviseCheck = ProcessRunner.Run(python, [script, schemas, "dockerfile-advise.schema.json", advise]);
        Assert.True(lintCheck.ExitCode == 0, lintCheck.ToString());
        Assert.True(adviseCheck.ExitCode == 0, adviseCheck.ToString());
    }

    [Fact]
    public void Advise_prints_a_multi_stage_dockerfile_and_exits_3_on_an_unknown_stack()
    {
        var file = Write("Dockerfile", SingleStage);
        var unknown = Write("nginx", "FROM nginx:1.25\nCOPY site /usr/share/nginx/html\n");

        var advice = SnelloCli.Check("dockerfile", "advise", file, "--base", "local/static:1");
        var refused = SnelloCli.Run("dockerfile", "advise", unknown);

        Assert.Contains("FROM golang:1.22 AS build", advice.Stdout, StringComparison.Ordinal);
        Assert.Contains("FROM local/static:1", advice.Stdout, StringComparison.Ordinal);
        Assert.True(refused.ExitCode == 3, refused.ToString());
    }

    private string Write(string name, string text)
    {
        var path = _temp[name];
        File.WriteAllText(path, text);
        return path;
    }
}
