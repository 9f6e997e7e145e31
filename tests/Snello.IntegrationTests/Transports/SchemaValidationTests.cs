using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Transports;

/// <summary>Manifests, indexes and configs snello writes validate against the OCI image-spec schemas.</summary>
public sealed class SchemaValidationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Written_manifest_index_and_config_validate_against_the_oci_schemas()
    {
        var schemas = Path.Combine(Components.RequireConformance("schemas"), "oci-image-spec");
        var python = Components.RequireJsonSchemaValidator();
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var layout = _temp["layout"];
        SnelloCli.Check("copy", seed, $"oci:{layout}:v1");
        SnelloCli.Check("copy", "--manifest-format", "oci", $"docker-archive:{Archive(seed)}", $"oci:{layout}:v2");

        var index = Path.Combine(layout, "index.json");
        var manifests = new List<string>();
        var configs = new List<string>();
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(index)))
        {
            foreach (var m in doc.RootElement.GetProperty("manifests").EnumerateArray())
            {
                var path = Blob(layout, m.GetProperty("digest").GetString()!);
                manifests.Add(path);
                using var manifest = JsonDocument.Parse(File.ReadAllBytes(path));
                var config = manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
                configs.Add(Blob(layout, config));
            }
        }

        Assert.Equal(2, manifests.Count);
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "validate_schema.py");
        Check(ProcessRunner.Run(python, [script, schemas, "image-index-schema.json", index]));
        Check(ProcessRunner.Run(python, [script, schemas, "image-manifest-schema.json", .. manifests]));
        Check(ProcessRunner.Run(python, [script, schemas, "config-schema.json", .. configs]));
        var marker = Path.Combine(layout, "oci-layout");
        Check(ProcessRunner.Run(python, [script, schemas, "image-layout-schema.json", marker]));
    }

    [Fact]
    public void The_validator_rejects_a_broken_manifest()
    {
        var schemas = Path.Combine(Components.RequireConformance("schemas"), "oci-image-spec");
        var python = Components.RequireJsonSchemaValidator();
        var broken = _temp["broken.json"];
        File.WriteAllText(broken, """{"schemaVersion": 2, "config": {"mediaType": "x", "size": -1}, "layers": []}""");
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "validate_schema.py");
        var result = ProcessRunner.Run(python, [script, schemas, "image-manifest-schema.json", broken]);
        Assert.NotEqual(0, result.ExitCode);
    }

    private string Archive(string seed)
    {
        var path = _temp["seed-docker.tar"];
        SnelloCli.Check("copy", seed, $"docker-archive:{path}");
        return path;
    }

    private static string Blob(string layout, string digest) =>
        Path.Combine(layout, "blobs", digest.Split(':')[0], digest.Split(':')[1]);

    private static void Check(ProcessRunner.Result result) =>
        Assert.True(result.ExitCode == 0, $"schema validation failed: {result}");
}
