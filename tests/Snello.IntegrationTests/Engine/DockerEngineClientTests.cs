using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;
using Snello.Oci.Engine;

namespace Snello.IntegrationTests.Engine;

/// <summary>The engine client against the real engine, without the CLI in between.</summary>
public sealed class DockerEngineClientTests : IDisposable
{
    private readonly EngineFixture _engine = new();

    public void Dispose() => _engine.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NegotiateApiVersionAsync_takes_the_engines_version_but_never_above_1_41()
    {
        using var client = new DockerEngineClient(DockerHost.Parse(EngineFixture.Host));
        var version = await client.GetVersionAsync(Token);
        var offered = Version.Parse(version.ApiVersion!);

        var agreed = await client.NegotiateApiVersionAsync(Token);
        Assert.Equal(offered < DockerEngineClient.MaxApiVersion ? offered : DockerEngineClient.MaxApiVersion, agreed);
        Assert.Equal(agreed, client.ApiVersion);
        Assert.Equal(offered, await client.PingAsync(Token));
    }

    [Fact]
    public async Task InspectImageAsync_gives_what_docker_image_inspect_gives()
    {
        var tag = await _engine.ImportTestImageAsync();
        using var client = new DockerEngineClient(DockerHost.Parse(EngineFixture.Host));
        var image = await client.InspectImageAsync(tag, Token);

        Assert.Equal(Docker.Check("image", "inspect", "--format", "{{.Id}}", tag).Stdout.Trim(), image.Id);
        var layers = Docker.Check("image", "inspect", "--format", "{{json .RootFS.Layers}}", tag).Stdout;
        Assert.Equal(JsonSerializer.Deserialize<List<string>>(layers), image.RootFs!.Layers);
        Assert.Contains(tag, image.RepoTags!);
    }

    [Fact]
    public async Task TryInspectImageAsync_gives_null_for_a_missing_image_and_InspectImageAsync_a_404()
    {
        using var client = new DockerEngineClient(DockerHost.Parse(EngineFixture.Host));
        var name = $"snello-it/missing:{Guid.NewGuid():N}";
        Assert.Null(await client.TryInspectImageAsync(name, Token));

        var e = await Assert.ThrowsAsync<EngineApiException>(() => client.InspectImageAsync(name, Token));
        Assert.True(e.IsNotFound);
        Assert.Contains("No such image", e.EngineMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadImagesAsync_reports_the_engines_refusal_of_a_broken_archive()
    {
        using var client = new DockerEngineClient(DockerHost.Parse(EngineFixture.Host));
        var e = await Assert.ThrowsAsync<EngineApiException>(() => client.LoadImagesAsync(
            (body, ct) => body.WriteAsync("not a tar archive\n"u8.ToArray(), ct).AsTask(), Token));
        Assert.Contains("Error processing tar file", e.EngineMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenHijackedAsync_attaches_to_a_container_and_carries_stdin_and_stdout()
    {
        var tag = await _engine.ImportTestImageAsync();
        var id = Docker.Check("create", "-i", "--network", "none", "--entrypoint", "/bin/busybox", tag,
            "head", "-n", "1").Stdout.Trim();
        try
        {
            using var client = new DockerEngineClient(DockerHost.Parse(EngineFixture.Host));
            var stream = await client.OpenHijackedAsync(HttpMethod.Post,
                $"/containers/{id}/attach?stream=1&stdin=1&stdout=1&stderr=1", default, Token);
            await using (stream)
            {
                Docker.Check("start", id);
                await stream.WriteAsync("ping over the hijacked stream\n"u8.ToArray(), Token);
                await stream.FlushAsync(Token);
                stream.CloseWrite();

                var stdout = await ReadStdoutFramesAsync(stream);
                Assert.Equal("ping over the hijacked stream\n", stdout);
            }
        }
        finally
        {
            Docker.Run("rm", "-f", id);
        }
    }

    [Fact]
    public async Task OpenHijackedAsync_reports_the_engines_error_for_a_missing_container()
    {
        using var client = new DockerEngineClient(DockerHost.Parse(EngineFixture.Host));
        var e = await Assert.ThrowsAsync<EngineApiException>(() => client.OpenHijackedAsync(HttpMethod.Post,
            $"/containers/snello-missing-{Guid.NewGuid():N}/attach?stream=1&stdout=1", default, Token));
        Assert.True(e.IsNotFound, e.Message);
        Assert.Contains("No such container", e.EngineMessage, StringComparison.Ordinal);
    }

    // Without a TTY the engine multiplexes: a header of stream type (1 stdout, 2 stderr), three zero bytes and
    // a big-endian length before each chunk (Engine API, "Attach to a container", stream format).
    private static async Task<string> ReadStdoutFramesAsync(Stream stream)
    {
        var stdout = new StringBuilder();
        var header = new byte[8];
        while (await stream.ReadAtLeastAsync(header, 8, throwOnEndOfStream: false, Token) == 8)
        {
            var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4))];
            await stream.ReadExactlyAsync(payload, Token);
            if (header[0] == 1)
            {
                stdout.Append(Encoding.UTF8.GetString(payload));
            }
        }

        return stdout.ToString();
    }
}
