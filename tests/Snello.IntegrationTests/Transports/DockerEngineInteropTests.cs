using System.Formats.Tar;
using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Transports;

/// <summary>The real Docker engine loads and runs snello's archives, and snello reads what it saves.</summary>
public sealed class DockerEngineInteropTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Docker_loads_and_runs_a_docker_archive_snello_wrote()
    {
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var tag = $"snello-it/load:{Guid.NewGuid():N}"[..30];
        var archive = _temp["load.tar"];
        SnelloCli.Check("copy", seed, $"docker-archive:{archive}:{tag}");

        var load = Docker.Check("load", "-i", archive);
        Assert.Contains(tag, load.Stdout, StringComparison.Ordinal);
        try
        {
            var id = Docker.Check("image", "inspect", "--format", "{{.Id}}", tag).Stdout.Trim();
            Assert.Equal(SnelloCli.Check("digest", "--config", seed).Stdout.Trim(), id);
            var run = Docker.Check("run", "--rm", "--network", "none", tag);
            Assert.Equal(TestImages.Greeting + "\n", run.Stdout);
        }
        finally
        {
            Docker.Run("rmi", "-f", tag);
        }
    }

    [Fact]
    public async Task Snello_reads_what_docker_save_writes_from_an_imported_rootfs()
    {
        var rootfs = _temp["rootfs.tar"];
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var export = SnelloCli.Run("export", seed, "-");
        Assert.True(export.ExitCode == 0, export.ToString());
        File.WriteAllBytes(rootfs, export.StdoutBytes);

        var tag = $"snello-it/import:{Guid.NewGuid():N}"[..32];
        const string Entrypoint = "ENTRYPOINT [\"/bin/busybox\", \"cat\", \"/app/greeting.txt\"]";
        Docker.Check("import", "--change", Entrypoint, rootfs, tag);
        try
        {
            var saved = _temp["saved.tar"];
            Docker.Check("save", "-o", saved, tag);
            var location = $"docker-archive:{saved}";
            Assert.Equal(TestImages.Greeting + "\n", SnelloCli.Check("cat", location, "/app/greeting.txt").Stdout);
            var id = Docker.Check("image", "inspect", "--format", "{{.Id}}", tag).Stdout.Trim();
            Assert.Equal(id, SnelloCli.Check("digest", "--config", location).Stdout.Trim());
            Assert.Equal(id, SnelloCli.Check("digest", "--config", $"{location}:{tag}").Stdout.Trim());

            SnelloCli.Check("copy", location, $"oci:{_temp["layout"]}:from-docker");
            var json = SnelloCli.Check("inspect", "--format", "json", $"oci:{_temp["layout"]}:from-docker").Stdout;
            using var doc = JsonDocument.Parse(json);
            Assert.All(doc.RootElement.GetProperty("layers").EnumerateArray(), l =>
                Assert.Equal("application/vnd.oci.image.layer.v1.tar+gzip", l.GetProperty("mediaType").GetString()));
        }
        finally
        {
            Docker.Run("rmi", "-f", tag);
        }
    }

    /// <summary>
    /// Docker 25 and later save an OCI layout plus manifest.json; Debian 12's engine writes only the classic layout,
    /// so the test makes that newer layout itself: an OCI layout with manifest.json beside it.
    /// </summary>
    [Fact]
    public async Task Snello_reads_the_oci_style_docker_archive_of_docker_25_and_keeps_its_manifest_digest()
    {
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        SnelloCli.Check("copy", seed, $"docker-archive:{_temp["classic.tar"]}");
        var layout = _temp["layout"];
        SnelloCli.Check("copy", $"docker-archive:{_temp["classic.tar"]}", $"oci:{layout}");
        var manifestDigest = SnelloCli.Check("digest", $"oci:{layout}").Stdout.Trim();

        using var doc = JsonDocument.Parse(SnelloCli.Check("inspect", "--format", "json", $"oci:{layout}").Stdout);
        var config = doc.RootElement.GetProperty("configDigest").GetString()!;
        var layers = doc.RootElement.GetProperty("layers").EnumerateArray()
            .Select(l => "blobs/sha256/" + l.GetProperty("digest").GetString()!.Split(':')[1]).ToList();
        var manifestJson = JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object>
            {
                ["Config"] = "blobs/sha256/" + config.Split(':')[1],
                ["RepoTags"] = new[] { "example.com/docker25/image:latest" },
                ["Layers"] = layers,
            },
        });
        File.WriteAllText(Path.Combine(layout, "manifest.json"), manifestJson);
        var archive = _temp["docker25.tar"];
        await TarFile.CreateFromDirectoryAsync(layout, archive, includeBaseDirectory: false);

        var location = $"docker-archive:{archive}:example.com/docker25/image:latest";
        Assert.Equal(manifestDigest, SnelloCli.Check("digest", location).Stdout.Trim());
        Assert.Equal(config, SnelloCli.Check("digest", "--config", location).Stdout.Trim());
        Assert.Equal(TestImages.Greeting + "\n", SnelloCli.Check("cat", location, "/app/greeting.txt").Stdout);
    }
}
