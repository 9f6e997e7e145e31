using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Registry;

/// <summary>
/// Faults injected by a loopback proxy between snello and the real registry: a connection cut in the middle of
/// a blob, 500, 503 and 429 answers, and a stall. Copies complete after retries, or fail with exit code 5 and
/// leave no layout behind.
/// </summary>
public sealed class RegistryFaultTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Pushes the test image straight to the registry and returns its digest and largest layer.</summary>
    private async Task<(string Digest, string Layer, long Size)> SeedAsync(RegistryEnvironment env, string repository)
    {
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        env.Check("copy", seed, $"docker://{fixture.Server.Host}/{repository}:v1");
        var inspect = JsonDocument.Parse(env.Check("inspect", seed, "--format", "json").Stdout).RootElement;
        var layer = inspect.GetProperty("layers").EnumerateArray().MaxBy(l => l.GetProperty("size").GetInt64());
        return (env.Check("digest", seed).Stdout.Trim(), layer.GetProperty("digest").GetString()!,
            layer.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task A_blob_cut_in_the_middle_is_resumed_with_a_range_request()
    {
        var env = new RegistryEnvironment(_temp);
        var (digest, layer, size) = await SeedAsync(env, "faults/cut");
        using var proxy = new FaultProxy(fixture.Server.Port);
        var cut = size / 2;
        proxy.Add(new Fault($"GET /v2/faults/cut/blobs/{layer}", CutAfterBodyBytes: cut));

        env.Check("copy", $"docker://{proxy.Host}/faults/cut:v1", $"oci:{_temp["out"]}:v1");

        Assert.Equal(0, proxy.Pending);
        Assert.Equal(digest, env.Check("digest", $"oci:{_temp["out"]}:v1").Stdout.Trim());
        Assert.Contains(proxy.Requests, r => r.StartsWith($"GET /v2/faults/cut/blobs/{layer}", StringComparison.Ordinal)
            && r.Contains($"[Range: bytes={cut}-]", StringComparison.Ordinal));
        Assert.InRange(proxy.Requests.Count, 4, 12);
    }

    [Fact]
    public async Task Answers_500_503_and_429_with_retry_after_are_retried_until_the_copy_completes()
    {
        var env = new RegistryEnvironment(_temp);
        var (digest, layer, _) = await SeedAsync(env, "faults/status");
        using var proxy = new FaultProxy(fixture.Server.Port);
        proxy.Add(new Fault("GET /v2/faults/status/manifests/v1", Status: 503));
        proxy.Add(new Fault($"GET /v2/faults/status/blobs/{layer}", Status: 500));
        proxy.Add(new Fault($"GET /v2/faults/status/blobs/{layer}", Status: 429, RetryAfter: "1"));
        proxy.Add(new Fault("PUT /v2/faults/pushed/blobs/uploads/", Status: 503));
        proxy.Add(new Fault("PUT /v2/faults/pushed/manifests/v1", Status: 500));

        env.Check("copy", $"docker://{proxy.Host}/faults/status:v1", $"oci:{_temp["out"]}:v1");
        env.Check("copy", $"oci:{_temp["out"]}:v1", $"docker://{proxy.Host}/faults/pushed:v1");

        Assert.Equal(0, proxy.Pending);
        Assert.Equal(digest, env.Check("digest", $"oci:{_temp["out"]}:v1").Stdout.Trim());
        Assert.Equal(digest, env.Check("digest", $"docker://{fixture.Server.Host}/faults/pushed:v1").Stdout.Trim());
        Assert.Equal(3, proxy.Requests.Count(r => r.StartsWith($"GET /v2/faults/status/blobs/{layer}",
            StringComparison.Ordinal)));
        Assert.InRange(proxy.Requests.Count, 10, 40);
    }

    [Fact]
    public async Task A_stalled_blob_fails_with_exit_5_and_leaves_no_layout()
    {
        var env = new RegistryEnvironment(_temp);
        var (_, layer, _) = await SeedAsync(env, "faults/stall");
        using var proxy = new FaultProxy(fixture.Server.Port);
        for (var i = 0; i < 10; i++)
        {
            proxy.Add(new Fault($"GET /v2/faults/stall/blobs/{layer}", Stall: true));
        }

        env.Extra["SNELLO_REGISTRY_TIMEOUT"] = "1";
        var result = env.Run("copy", $"docker://{proxy.Host}/faults/stall:v1", $"oci:{_temp["out"]}:v1");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("[registry-unreachable]", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("stalled", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(layer, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out"]), "a failed copy left its layout behind");
        Assert.InRange(proxy.Requests.Count(r => r.Contains(layer, StringComparison.Ordinal)), 2, 6);
    }
}
