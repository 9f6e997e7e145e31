using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Transports;

/// <summary>skopeo, umoci and oci-image-tool accept what snello writes, and snello reads what they write.</summary>
public sealed class PeerToolInteropTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Umoci_unpacks_a_layout_snello_wrote_with_whiteouts_applied()
    {
        var umoci = Components.RequireTool("umoci", "umoci");
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        SnelloCli.Check("copy", seed, $"oci:{_temp["layout"]}:v1");

        ProcessRunner.Check(umoci, "unpack", "--rootless", "--image", $"{_temp["layout"]}:v1", _temp["bundle"]);
        var rootfs = Path.Combine(_temp["bundle"], "rootfs");
        Assert.Equal(TestImages.Greeting + "\n", File.ReadAllText(Path.Combine(rootfs, "app/greeting.txt")));
        Assert.False(File.Exists(Path.Combine(rootfs, "etc/removed-later")));
        Assert.False(File.Exists(Path.Combine(rootfs, "opaque/old")));
        Assert.True(File.Exists(Path.Combine(rootfs, "opaque/new")));
    }

    [Fact]
    public async Task Oci_image_tool_validates_the_layouts_snello_writes()
    {
        var tool = Components.RequireTool("oci-image-tool", "oci-image-tool");
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        SnelloCli.Check("copy", seed, $"oci:{_temp["layout"]}:v1");
        SnelloCli.Check("copy", seed, $"oci-archive:{_temp["image.tar"]}:v1");

        ProcessRunner.Check(tool, "validate", "--type", "image", "--ref", "name=v1", _temp["layout"]);

        // oci-image-tool 1.0's tar walker fails on every archive, skopeo's too ("end of walk"), so the archive
        // is checked as the folder it unpacks to.
        Directory.CreateDirectory(_temp["unpacked"]);
        ProcessRunner.Check("tar", "-xf", _temp["image.tar"], "-C", _temp["unpacked"]);
        ProcessRunner.Check(tool, "validate", "--type", "image", "--ref", "name=v1", _temp["unpacked"]);
    }

    [Fact]
    public async Task Skopeo_reads_what_snello_writes_with_the_same_digests()
    {
        var skopeo = Components.RequireTool("skopeo", "skopeo");
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var archive = $"oci-archive:{_temp["image.tar"]}:v1";
        SnelloCli.Check("copy", seed, archive);
        var dockerArchive = $"docker-archive:{_temp["docker.tar"]}:example.com/snello/test:v1";
        SnelloCli.Check("copy", seed, dockerArchive);

        var manifestDigest = SnelloCli.Check("digest", seed).Stdout.Trim();
        var inspect = ProcessRunner.Check(skopeo, "inspect", "--raw", archive).StdoutBytes;
        Assert.Equal(manifestDigest, global::Snello.Oci.Digests.Digest.Compute(inspect).ToString());

        var config = SnelloCli.Check("digest", "--config", seed).Stdout.Trim();
        var skopeoConfig = ProcessRunner.Check(skopeo, "inspect", "--config", "--raw", dockerArchive).StdoutBytes;
        Assert.Equal(config, global::Snello.Oci.Digests.Digest.Compute(skopeoConfig).ToString());

        ProcessRunner.Check(skopeo, "copy", dockerArchive, $"oci:{_temp["from-docker-archive"]}:x");
    }

    [Theory]
    [InlineData("oci")]
    [InlineData("v2s2")]
    public async Task Snello_reads_what_skopeo_writes_in_both_manifest_formats(string format)
    {
        var skopeo = Components.RequireTool("skopeo", "skopeo");
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var layout = $"oci:{_temp["skopeo-layout"]}:s";
        ProcessRunner.Check(skopeo, "copy", "--format", format, seed, layout);
        var archive = $"oci-archive:{_temp["skopeo.tar"]}:s";
        ProcessRunner.Check(skopeo, "copy", "--format", format, seed, archive);
        var dockerArchive = $"docker-archive:{_temp["skopeo-docker.tar"]}:example.com/x/y:s";
        ProcessRunner.Check(skopeo, "copy", seed, dockerArchive);

        // skopeo's own reader skips Docker manifests inside OCI layouts, so the expected digest comes from the
        // index.json it wrote.
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_temp["skopeo-layout"], "index.json")));
        var written = index.RootElement.GetProperty("manifests")[0];
        var expectedType = format == "oci" ? "application/vnd.oci.image.manifest.v1+json"
            : "application/vnd.docker.distribution.manifest.v2+json";
        Assert.Equal(expectedType, written.GetProperty("mediaType").GetString());
        foreach (var location in new[] { layout, archive })
        {
            Assert.Equal(written.GetProperty("digest").GetString(), SnelloCli.Check("digest", location).Stdout.Trim());
            Assert.Equal(TestImages.Greeting + "\n", SnelloCli.Check("cat", location, "/app/greeting.txt").Stdout);
        }

        Assert.Equal(SnelloCli.Check("digest", "--config", seed).Stdout,
            SnelloCli.Check("digest", "--config", dockerArchive).Stdout);
        Assert.Equal(TestImages.Greeting + "\n", SnelloCli.Check("cat", dockerArchive, "/app/greeting.txt").Stdout);
    }

    [Fact]
    public async Task Snello_reads_a_layout_unpacked_and_repacked_by_umoci()
    {
        var umoci = Components.RequireTool("umoci", "umoci");
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        SnelloCli.Check("copy", seed, $"oci:{_temp["layout"]}:v1");
        ProcessRunner.Check(umoci, "unpack", "--rootless", "--image", $"{_temp["layout"]}:v1", _temp["bundle"]);
        File.WriteAllText(Path.Combine(_temp["bundle"], "rootfs", "app", "added.txt"), "added by umoci\n");
        ProcessRunner.Check(umoci, "repack", "--image", $"{_temp["layout"]}:v2", _temp["bundle"]);

        var json = SnelloCli.Check("inspect", "--format", "json", $"oci:{_temp["layout"]}:v2").Stdout;
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(3, doc.RootElement.GetProperty("layers").GetArrayLength());
        Assert.Equal("added by umoci\n", SnelloCli.Check("cat", $"oci:{_temp["layout"]}:v2", "/app/added.txt").Stdout);
    }
}
