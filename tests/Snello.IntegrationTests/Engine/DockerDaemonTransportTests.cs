using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Engine;

/// <summary>The docker-daemon: transport against the real engine that scripts/test.sh starts.</summary>
public sealed class DockerDaemonTransportTests : IDisposable
{
    private readonly EngineFixture _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task Copy_from_the_engine_keeps_the_image_id_and_diff_ids_of_an_imported_image()
    {
        var tag = await _engine.ImportTestImageAsync();
        var layout = _engine.Temp["layout"];
        _engine.CheckSnello("copy", $"docker-daemon:{tag}", $"oci:{layout}:copied");

        var id = Docker.Check("image", "inspect", "--format", "{{.Id}}", tag).Stdout.Trim();
        var diffIds = Docker.Check("image", "inspect", "--format", "{{json .RootFS.Layers}}", tag).Stdout;
        Assert.Equal(id, _engine.CheckSnello("digest", "--config", $"oci:{layout}:copied").Stdout.Trim());
        Assert.Equal(id, _engine.CheckSnello("digest", "--config", $"docker-daemon:{tag}").Stdout.Trim());

        using var inspect = JsonDocument.Parse(
            _engine.CheckSnello("inspect", "--format", "json", $"oci:{layout}:copied").Stdout);
        var copied = inspect.RootElement.GetProperty("layers").EnumerateArray()
            .Select(l => l.GetProperty("diffId").GetString()!).ToList();
        Assert.Equal(JsonSerializer.Deserialize<List<string>>(diffIds), copied);
        Assert.Equal(TestImages.Greeting + "\n",
            _engine.CheckSnello("cat", $"oci:{layout}:copied", "/app/greeting.txt").Stdout);
    }

    [Fact]
    public async Task Ls_cat_and_export_read_an_image_in_the_engine()
    {
        var tag = await _engine.ImportTestImageAsync();
        var location = $"docker-daemon:{tag}";
        Assert.Equal(TestImages.Greeting + "\n", _engine.CheckSnello("cat", location, "/app/greeting.txt").Stdout);
        Assert.Contains("app/greeting.txt", _engine.CheckSnello("ls", location, "-R").Stdout, StringComparison.Ordinal);

        var rootfs = _engine.Temp["exported"];
        _engine.CheckSnello("export", location, rootfs);
        Assert.Equal(TestImages.Greeting + "\n", File.ReadAllText(Path.Combine(rootfs, "app", "greeting.txt")));
    }

    [Fact]
    public async Task A_second_read_of_an_image_comes_from_the_cache_with_the_same_manifest_digest()
    {
        var tag = await _engine.ImportTestImageAsync();
        var first = _engine.CheckSnello("digest", $"docker-daemon:{tag}").Stdout.Trim();
        var second = _engine.CheckSnello("--verbose", "digest", $"docker-daemon:{tag}");
        Assert.Equal(first, second.Stdout.Trim());
        Assert.Contains("not saved again", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_to_the_engine_loads_a_runnable_image_tagged_with_the_reference()
    {
        var seed = await TestImages.WriteOciAsync(_engine.Temp["seed"]);
        var tag = _engine.NewTag("load");
        _engine.CheckSnello("copy", seed, $"docker-daemon:{tag}");

        var id = Docker.Check("image", "inspect", "--format", "{{.Id}}", tag).Stdout.Trim();
        Assert.Equal(SnelloCli.Check("digest", "--config", seed).Stdout.Trim(), id);
        var run = Docker.Check("run", "--rm", "--network", "none", tag);
        Assert.Equal(TestImages.Greeting + "\n", run.Stdout);
    }

    [Fact]
    public async Task Copy_to_the_engine_of_an_image_it_already_holds_only_adds_the_tag()
    {
        var seed = await TestImages.WriteOciAsync(_engine.Temp["seed"]);
        var first = _engine.NewTag("first");
        var second = _engine.NewTag("second");
        _engine.CheckSnello("copy", seed, $"docker-daemon:{first}");

        var copy = _engine.CheckSnello("copy", "--format", "json", seed, $"docker-daemon:{second}");
        using var result = JsonDocument.Parse(copy.Stdout);
        Assert.Equal(0, result.RootElement.GetProperty("blobsWritten").GetInt32());
        var ids = new[] { first, second }
            .Select(t => Docker.Check("image", "inspect", "--format", "{{.Id}}", t).Stdout.Trim()).Distinct();
        Assert.Single(ids);
    }

    [Fact]
    public async Task An_image_copied_out_of_the_engine_and_back_under_a_new_tag_keeps_its_id()
    {
        var tag = await _engine.ImportTestImageAsync();
        var archive = _engine.Temp["out.tar"];
        _engine.CheckSnello("copy", $"docker-daemon:{tag}", $"docker-archive:{archive}");
        Docker.Check("rmi", tag);

        var back = _engine.NewTag("back");
        _engine.CheckSnello("copy", $"docker-archive:{archive}", $"docker-daemon:{back}");
        var id = Docker.Check("image", "inspect", "--format", "{{.Id}}", back).Stdout.Trim();
        Assert.Equal(_engine.CheckSnello("digest", "--config", $"docker-archive:{archive}").Stdout.Trim(), id);
        Assert.Equal(TestImages.Greeting + "\n", Docker.Check("run", "--rm", "--network", "none", back).Stdout);
    }

    [Fact]
    public async Task A_layer_that_fails_its_digest_during_a_load_exits_3_and_leaves_no_tag()
    {
        var layout = _engine.Temp["corrupt"];
        var seed = await TestImages.WriteOciAsync(layout);
        var biggest = new DirectoryInfo(Path.Combine(layout, "blobs", "sha256")).GetFiles()
            .OrderByDescending(f => f.Length).First();
        var bytes = await File.ReadAllBytesAsync(biggest.FullName);
        bytes[bytes.Length / 2] ^= 0xff;
        await File.WriteAllBytesAsync(biggest.FullName, bytes);

        var tag = _engine.NewTag("corrupt");
        var result = _engine.Snello("copy", seed, $"docker-daemon:{tag}");
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("[digest-mismatch]", result.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, Docker.Run("image", "inspect", tag).ExitCode);
    }

    [Fact]
    public void A_missing_image_exits_3_quoting_the_engine()
    {
        var missing = $"snello-it/missing:{Guid.NewGuid():N}";
        var result = _engine.Snello("inspect", $"docker-daemon:{missing}");
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("[not-found]", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"has no image '{missing}'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("No such image", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_to_a_digest_reference_is_a_usage_error()
    {
        var result = _engine.Snello("copy", "oci:/nonexistent:x",
            "docker-daemon:app@sha256:" + new string('a', 64));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("writes need a tag", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engine_reads_images_by_image_id()
    {
        var tag = await _engine.ImportTestImageAsync();
        var id = Docker.Check("image", "inspect", "--format", "{{.Id}}", tag).Stdout.Trim();
        Assert.Equal(TestImages.Greeting + "\n",
            _engine.CheckSnello("cat", $"docker-daemon:{id}", "/app/greeting.txt").Stdout);
    }
}
