using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;
using Snello.Oci.Caching;
using Snello.Oci.Images;
using Snello.Oci.Json;
using Snello.Oci.Model;
using Snello.Oci.Mutations;
using Snello.Oci.Transports;
using Snello.Oci.Transports.Oci;

namespace Snello.IntegrationTests.Transports;

/// <summary>Multi-platform indexes and zstd layers, through the snello command and skopeo.</summary>
public sealed class IndexAndCompressionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The test image for the host and for a foreign platform (same layers, other config).</summary>
    private async Task<string> WriteIndexAsync()
    {
        var host = await TestImages.CreateAsync();
        var foreignArch = Platform.Host.Architecture == "arm64" ? "amd64" : "arm64";
        var foreignConfig = OciJson.Serialize(host.Config with
        {
            Architecture = foreignArch,
            Variant = foreignArch == "arm64" ? "v8" : null,
        });
        var foreign = new MemoryImage(host.Manifest with
        {
            Config = host.Manifest.Config with
            {
                Digest = global::Snello.Oci.Digests.Digest.Compute(foreignConfig),
                Size = foreignConfig.Length,
            },
        }, foreignConfig, host.Layers);
        var index = new MemoryIndex(new ImageIndex
        {
            MediaType = MediaTypes.OciIndex,
            Manifests = [ArtifactWalker.DescriptorOf(host), ArtifactWalker.DescriptorOf(foreign)],
        }, [host, foreign]);
        var location = $"oci:{_temp["index"]}:multi";
        await new OciLayoutWriter(ImageLocation.Parse(location)).WriteAsync(index);
        return location;
    }

    [Fact]
    public async Task An_index_is_copied_whole_with_its_digest_and_platforms_are_picked_on_request()
    {
        var index = await WriteIndexAsync();
        using (var doc = JsonDocument.Parse(SnelloCli.Check("inspect", "--format", "json", index).Stdout))
        {
            Assert.Equal("index", doc.RootElement.GetProperty("kind").GetString());
            Assert.Equal(2, doc.RootElement.GetProperty("manifests").GetArrayLength());
        }

        var copy = $"oci-archive:{_temp["copy.tar"]}:multi";
        SnelloCli.Check("copy", index, copy);
        Assert.Equal(SnelloCli.Check("digest", index).Stdout, SnelloCli.Check("digest", copy).Stdout);

        var foreign = Platform.Host.Architecture == "arm64" ? "linux/amd64" : "linux/arm64";
        var picked = $"oci:{_temp["picked"]}:one";
        SnelloCli.Check("copy", "--platform", foreign, index, picked);
        using (var doc = JsonDocument.Parse(SnelloCli.Check("inspect", "--format", "json", picked).Stdout))
        {
            Assert.StartsWith(foreign, doc.RootElement.GetProperty("platform").GetString(), StringComparison.Ordinal);
        }

        var archive = SnelloCli.Check("copy", index, $"docker-archive:{_temp["host.tar"]}");
        Assert.Contains($"'{Platform.Host}'", archive.Stderr, StringComparison.Ordinal);
        Assert.Equal(TestImages.Greeting + "\n", SnelloCli.Check("cat", index, "/app/greeting.txt").Stdout);
    }

    [Fact]
    public async Task Skopeo_copies_the_index_snello_wrote_with_every_platform()
    {
        var skopeo = Components.RequireTool("skopeo", "skopeo");
        var index = await WriteIndexAsync();
        ProcessRunner.Check(skopeo, "copy", "--all", index, $"oci:{_temp["skopeo"]}:multi");
        Assert.Equal(SnelloCli.Check("digest", index).Stdout,
            SnelloCli.Check("digest", $"oci:{_temp["skopeo"]}:multi").Stdout);
    }

    [Fact]
    public async Task Zstd_layers_round_trip_and_skopeo_reads_them()
    {
        var skopeo = Components.RequireTool("skopeo", "skopeo");
        var image = await TestImages.CreateAsync();
        var cache = new BlobCache(_temp["cache"]);
        var plain = await Mutate.CompressLayersAsync(AsUncompressed(image), Compression.Zstd, cache);
        Assert.All(plain.Layers, l => Assert.Equal(MediaTypes.OciLayerZstd, l.Descriptor.MediaType));
        var location = $"oci:{_temp["zstd"]}:z";
        await new OciLayoutWriter(ImageLocation.Parse(location)).WriteAsync(plain);

        Assert.Equal(TestImages.Greeting + "\n", SnelloCli.Check("cat", location, "/app/greeting.txt").Stdout);
        var back = $"oci-archive:{_temp["zstd.tar"]}:z";
        SnelloCli.Check("copy", location, back);
        Assert.Equal(SnelloCli.Check("digest", location).Stdout, SnelloCli.Check("digest", back).Stdout);

        ProcessRunner.Check(skopeo, "copy", location, $"oci:{_temp["skopeo"]}:z");
        var raw = ProcessRunner.Check(skopeo, "inspect", "--raw", $"oci:{_temp["skopeo"]}:z").Stdout;
        Assert.Contains(MediaTypes.OciLayerZstd, raw, StringComparison.Ordinal);
        Assert.Equal(TestImages.Greeting + "\n", SnelloCli.Check("cat", $"oci:{_temp["skopeo"]}:z",
            "/app/greeting.txt").Stdout);
    }

    /// <summary>The test image with its layers stored uncompressed, so they can be recompressed.</summary>
    private static MemoryImage AsUncompressed(IImage image)
    {
        var layers = image.Layers.Select(l => (ILayer)new UncompressedLayer(l)).ToList();
        return new MemoryImage(image.Manifest with { Layers = layers.Select(l => l.Descriptor).ToList() },
            image.RawConfig, layers);
    }

    private sealed class UncompressedLayer(ILayer inner) : ILayer
    {
        public Descriptor Descriptor { get; } = new()
        {
            MediaType = MediaTypes.OciLayer,
            Digest = inner.DiffId,
            Size = ReadAll(inner).Length,
        };

        public global::Snello.Oci.Digests.Digest DiffId => inner.DiffId;

        public Task<Stream> OpenCompressedAsync(CancellationToken cancellationToken = default) =>
            inner.OpenUncompressedAsync(cancellationToken);

        public Task<Stream> OpenUncompressedAsync(CancellationToken cancellationToken = default) =>
            inner.OpenUncompressedAsync(cancellationToken);

        private static byte[] ReadAll(ILayer layer)
        {
            using var stream = layer.OpenUncompressedAsync().GetAwaiter().GetResult();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
