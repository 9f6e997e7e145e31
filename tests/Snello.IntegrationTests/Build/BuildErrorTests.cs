using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Build;

/// <summary>Bad specs and unsatisfiable requests: a clear error, exit code 3, and no image written.</summary>
public sealed class BuildErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Unknown_package_is_refused_naming_it_and_writes_nothing()
    {
        Directory.CreateDirectory(_temp["spec"]);
        var spec = _temp["spec/snello.yaml"];
        File.WriteAllText(spec, "distribution:\n  suite: bookworm\npackages: [libc6, no-such-package-here]\n");

        var result = Builds.Run(spec, $"oci:{_temp["out"]}:x");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no-such-package-here", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out"]), "a failed build left an output folder");
        Assert.False(File.Exists(_temp["spec/snello.lock"]), "a failed build wrote a lock");
    }

    [Fact]
    public void Bad_suite_is_a_spec_error_with_its_line()
    {
        Directory.CreateDirectory(_temp["spec"]);
        var spec = _temp["spec/snello.yaml"];
        File.WriteAllText(spec, "distribution:\n  suite: buster\n");

        var result = Builds.Run(spec, $"oci:{_temp["out"]}:x");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("buster", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(":2:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_output_is_a_usage_error()
    {
        var spec = Builds.CopySpec("specs/static.snello.yaml", _temp["spec"]);

        var result = SnelloCli.Run("build", spec);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_says_why_each_package_is_in_and_what_was_left_out()
    {
        var spec = Builds.CopySpec("specs/base.snello.yaml", _temp["spec"]);
        var result = SnelloCli.RunWith(Builds.SharedCache, new Dictionary<string, string>(),
            "build", spec, "--output", $"oci:{_temp["out"]}:base", "--explain");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("requested", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Depends:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("left out", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_json_output_validates_against_its_documented_schema()
    {
        var python = Components.RequireJsonSchemaValidator();
        var spec = Builds.CopySpec("specs/static.snello.yaml", _temp["spec"]);
        var json = Builds.Run(spec, $"oci:{_temp["out"]}:static", extra: ["--explain"]);
        Assert.True(json.ExitCode == 0, json.ToString());
        File.WriteAllText(_temp["build.json"], json.Stdout);

        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "validate_schema.py");
        var result = ProcessRunner.Run(python, [script, Path.Combine(Repository.Root, "docs", "schemas"),
            "build.schema.json", _temp["build.json"]]);
        Assert.True(result.ExitCode == 0, $"{result}\n{json.Stdout}");
    }
}
