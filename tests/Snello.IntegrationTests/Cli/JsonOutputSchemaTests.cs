using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Cli;

/// <summary>What every command prints with --format json validates against its schema in docs/schemas.</summary>
public sealed class JsonOutputSchemaTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Every_json_output_validates_against_its_documented_schema()
    {
        var python = Components.RequireJsonSchemaValidator();
        var seed = await TestImages.WriteOciAsync(_temp["layout"]);
        var cache = _temp["cache"];
        var outputs = new (string Schema, string[] Args)[]
        {
            ("inspect.schema.json", ["inspect", seed]),
            ("ls.schema.json", ["ls", seed, "-R"]),
            ("ls.schema.json", ["ls", seed, "--layer", "1", "-R"]),
            ("copy.schema.json", ["copy", seed, $"oci:{_temp["copy"]}:c"]),
            ("copy.schema.json", ["copy", seed, $"docker-archive:{_temp["d.tar"]}"]),
            ("digest.schema.json", ["digest", seed]),
            ("cache.schema.json", ["cache", "ls", "--cache-dir", cache]),
            ("cache.schema.json", ["cache", "prune", "--cache-dir", cache]),
        };

        var schemas = Path.Combine(Repository.Root, "docs", "schemas");
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "validate_schema.py");
        var n = 0;
        foreach (var (schema, args) in outputs)
        {
            var json = SnelloCli.Check([.. args, "--format", "json"]).Stdout;
            var file = _temp[$"out{n++}.json"];
            File.WriteAllText(file, json);
            var result = ProcessRunner.Run(python, [script, schemas, schema, file]);
            Assert.True(result.ExitCode == 0, $"snello {string.Join(' ', args)}: {result}\n{json}");
        }
    }
}
