using System.Security.Cryptography;
using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;
using Snello.Oci.Digests;
using Snello.Oci.Model;
using Snello.Oci.Registry;

namespace Snello.IntegrationTests.Registry;

/// <summary>The docker:// transport against a real registry without auth.</summary>
public sealed class RegistryTransportTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private RegistryEnvironment Env() => new(_temp);

    [Fact]
    public async Task Registry_to_oci_to_registry_keeps_the_manifest_digest()
    {
        var host = fixture.Server.Host;
        var env = Env();
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var expected = env.Check("digest", seed).Stdout.Trim();

        env.Check("copy", seed, $"docker://{host}/roundtrip/app:v1");
        env.Check("copy", $"docker://{host}/roundtrip/app:v1", $"oci:{_temp["back"]}:v1");
        env.Check("copy", $"oci:{_temp["back"]}:v1", $"{host}/roundtrip/again:v2");

        Assert.Equal(expected, env.Check("digest", $"docker://{host}/roundtrip/app:v1").Stdout.Trim());
        Assert.Equal(expected, env.Check("digest", $"oci:{_temp["back"]}:v1").Stdout.Trim());
        Assert.Equal(expected, env.Check("digest", $"{host}/roundtrip/again:v2").Stdout.Trim());
        Assert.Equal(expected, env.Check("digest", $"{host}/roundtrip/again@{expected}").Stdout.Trim());
        Assert.Equal(TestImages.Greeting + "\n",
            env.Check("cat", $"{host}/roundtrip/again:v2", "/app/greeting.txt").Stdout);
        Assert.Contains("/app/greeting.txt", env.Check("ls", "-R", $"{host}/roundtrip/app:v1", "/app").Stdout);
    }

    [Fact]
    public async Task Copying_an_index_copies_every_platform_and_keeps_its_digest()
    {
        var host = fixture.Server.Host;
        var env = Env();
        var (layout, index) = await RegistryTestImages.WriteIndexAsync(_temp["multi"]);

        env.Check("copy", layout, $"docker://{host}/multi/app:1");
        env.Check("copy", $"docker://{host}/multi/app:1", $"oci:{_temp["back"]}:1");

        Assert.Equal(index.Digest.ToString(), env.Check("digest", $"docker://{host}/multi/app:1").Stdout.Trim());
        Assert.Equal(index.Digest.ToString(), env.Check("digest", $"oci:{_temp["back"]}:1").Stdout.Trim());
        foreach (var manifest in index.Index.Manifests)
        {
            var platform = $"{manifest.Platform!.Os}/{manifest.Platform.Architecture}";
            Assert.Equal(manifest.Digest.ToString(),
                env.Check("digest", $"oci:{_temp["back"]}:1", "--platform", platform, "--format", "json")
                    .Stdout.Split('"')[3]);
        }

        var inspect = JsonDocument.Parse(env.Check("inspect", $"{host}/multi/app:1", "--format", "json").Stdout);
        Assert.Equal("index", inspect.RootElement.GetProperty("kind").GetString());
        Assert.Equal(2, inspect.RootElement.GetProperty("manifests").GetArrayLength());
    }

    [Fact]
    public async Task Tags_follows_every_page_of_the_tag_list()
    {
        var host = fixture.Server.Host;
        var env = Env();
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        string[] tags = ["a1", "b2", "c3", "d4", "e5"];
        foreach (var tag in tags)
        {
            env.Check("copy", seed, $"docker://{host}/paged/app:{tag}");
        }

        using var client = new RegistryClient(host);
        Assert.Equal(tags, (await client.ListTagsAsync("paged/app", pageSize: 2,
            TestContext.Current.CancellationToken)).Order());

        var output = env.Check("tags", $"docker://{host}/paged/app", "--format", "json").Stdout;
        var json = JsonDocument.Parse(output);
        var python = Components.RequireJsonSchemaValidator();
        File.WriteAllText(_temp["tags.json"], output);
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "validate_schema.py");
        var schemas = Path.Combine(Repository.Root, "docs", "schemas");
        var validation = ProcessRunner.Run(python, [script, schemas, "tags.schema.json", _temp["tags.json"]]);
        Assert.True(validation.ExitCode == 0, validation.ToString());
        Assert.Equal(tags, json.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order());
        Assert.Equal(tags, env.Check("tags", $"{host}/paged/app").Stdout.Split('\n',
            StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Fact]
    public async Task A_chunked_upload_stores_the_blob_the_registry_serves_back()
    {
        var host = fixture.Server.Host;
        var ct = TestContext.Current.CancellationToken;
        var content = RandomNumberGenerator.GetBytes(5000);
        var descriptor = new Descriptor
        {
            MediaType = MediaTypes.OciLayer,
            Digest = Digest.Compute(content),
            Size = content.Length,
        };
        var options = new RegistryClientOptions { ChunkedUploadThreshold = 0, ChunkSize = 1024 };
        using var client = new RegistryClient(host, options);

        var outcome = await client.UploadBlobAsync("chunked/app", descriptor,
            _ => Task.FromResult<Stream>(new MemoryStream(content)), cancellationToken: ct);
        var again = await client.UploadBlobAsync("chunked/app", descriptor,
            _ => Task.FromResult<Stream>(new MemoryStream(content)), cancellationToken: ct);

        Assert.Equal(BlobUploadOutcome.Uploaded, outcome);
        Assert.Equal(BlobUploadOutcome.Existed, again);
        await using var stream = await client.OpenBlobAsync("chunked/app", descriptor, ct);
        using var read = new MemoryStream();
        await stream.CopyToAsync(read, ct);
        Assert.Equal(content, read.ToArray());
    }

    [Fact]
    public async Task A_second_pull_of_the_same_layers_transfers_no_blob_and_a_push_mounts_across_repositories()
    {
        using var proxy = new FaultProxy(fixture.Server.Port);
        var env = Env();
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        env.Check("copy", seed, $"docker://{proxy.Host}/cached/app:v1");
        var beforePull = proxy.Requests.Count;

        env.Check("copy", $"docker://{proxy.Host}/cached/app:v1", $"oci:{_temp["first"]}:v1");
        var firstPull = proxy.Requests.Skip(beforePull).ToList();
        env.Check("copy", $"docker://{proxy.Host}/cached/app:v1", $"oci:{_temp["second"]}:v1");
        var secondPull = proxy.Requests.Skip(beforePull + firstPull.Count).ToList();
        env.Check("copy", $"docker://{proxy.Host}/cached/app:v1", $"docker://{proxy.Host}/mounted/app:v1");

        Assert.Equal(3, firstPull.Count(r => r.StartsWith("GET /v2/cached/app/blobs/", StringComparison.Ordinal)));
        Assert.DoesNotContain(secondPull, r => r.Contains("/blobs/", StringComparison.Ordinal));
        Assert.Equal(3, proxy.Requests.Count(r => r.Contains("/v2/mounted/app/blobs/uploads/?mount=",
            StringComparison.Ordinal)));
        Assert.DoesNotContain(proxy.Requests, r => r.StartsWith("PUT /v2/mounted/app/blobs/",
            StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_manifest_is_exit_3_and_an_unreachable_registry_is_exit_5()
    {
        var env = Env();
        var missing = env.Run("inspect", $"docker://{fixture.Server.Host}/no/such:tag");
        var port = FreePort.Next();
        var unreachable = env.Run("inspect", $"docker://127.0.0.1:{port}/app:v1");

        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("[not-found]", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("MANIFEST_UNKNOWN", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(5, unreachable.ExitCode);
        Assert.Contains("[registry-unreachable]", unreachable.Stderr, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", unreachable.Stderr, StringComparison.Ordinal);
    }
}
