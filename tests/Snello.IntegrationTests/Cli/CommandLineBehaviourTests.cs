using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Cli;

/// <summary>How the snello command behaves for a user: help, version, exit codes, no partial output.</summary>
public sealed class CommandLineBehaviourTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("inspect")]
    [InlineData("ls")]
    [InlineData("cat")]
    [InlineData("export")]
    [InlineData("copy")]
    [InlineData("digest")]
    [InlineData("cache")]
    [InlineData("completion")]
    public void Every_command_has_help_with_examples(string command)
    {
        var result = SnelloCli.Check(command, "--help");
        Assert.Contains("Examples:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--cache-dir", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", SnelloCli.Check("--version").Stdout);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F")]
    [InlineData("zsh", "compdef")]
    [InlineData("fish", "complete -c snello")]
    public void Completion_prints_a_script_for_each_shell(string shell, string marker)
    {
        Assert.Contains(marker, SnelloCli.Check("completion", shell).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_suggests_commands_through_the_suggest_directive()
    {
        var result = SnelloCli.Check("[suggest:8]", "snello e");
        Assert.Contains("export", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "usage", "inspect", "--no-such-option", "oci:x")]
    [InlineData(2, "usage", "inspect", "Upper:case")]
    [InlineData(2, "unsupported-transport", "inspect", "debian:bookworm")]
    [InlineData(2, "usage", "inspect", "oci:x", "--platform", "linux")]
    [InlineData(2, "usage", "copy", "oci:a", "oci:b", "--manifest-format", "v1")]
    [InlineData(3, "image-unusable", "inspect", "oci:/nonexistent/layout")]
    [InlineData(3, "image-unusable", "inspect", "oci-archive:/nonexistent.tar")]
    [InlineData(3, "image-unusable", "inspect", "docker-archive:/etc/hostname")]
    public void Bad_input_gets_its_documented_exit_code_and_a_message_quoting_it(int exit, string code,
        params string[] args)
    {
        var result = SnelloCli.Run(args);
        Assert.Equal(exit, result.ExitCode);
        Assert.Contains($"[{code}]", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task A_missing_platform_lists_the_ones_available()
    {
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var result = SnelloCli.Run("inspect", seed, "--platform", "linux/s390x");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("'linux/s390x'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("platform-not-found", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupted_layer_fails_export_naming_both_digests_and_leaves_nothing()
    {
        var layout = _temp["layout"];
        var seed = await TestImages.WriteOciAsync(layout);
        var layer = Corrupt(layout, seed);

        var target = _temp["rootfs"];
        var result = SnelloCli.Run("export", seed, target);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("[digest-mismatch]", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(layer, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Equal(["layout"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_corrupted_layer_fails_copy_and_leaves_no_destination()
    {
        var layout = _temp["layout"];
        var seed = await TestImages.WriteOciAsync(layout);
        Corrupt(layout, seed);

        foreach (var destination in new[] { $"oci:{_temp["copy"]}:x", $"oci-archive:{_temp["copy.tar"]}",
                     $"docker-archive:{_temp["docker.tar"]}" })
        {
            var result = SnelloCli.Run("copy", seed, destination);
            Assert.Equal(3, result.ExitCode);
            Assert.Contains("[digest-mismatch]", result.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(["layout"], Directory.EnumerateFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Export_to_stdout_reports_a_corrupted_layer_with_exit_code_3()
    {
        var layout = _temp["layout"];
        var seed = await TestImages.WriteOciAsync(layout);
        Corrupt(layout, seed);
        var result = SnelloCli.Run("export", seed, "-");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("[digest-mismatch]", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_refuses_a_target_that_is_not_empty()
    {
        var seed = await TestImages.WriteOciAsync(_temp["layout"]);
        var target = _temp["full"];
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");
        var result = SnelloCli.Run("export", seed, target);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"'{target}'", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Export_into_an_existing_empty_folder_fills_it()
    {
        var seed = await TestImages.WriteOciAsync(_temp["layout"]);
        var target = _temp["empty"];
        Directory.CreateDirectory(target);
        SnelloCli.Check("export", seed, target);
        Assert.Equal(TestImages.Greeting + "\n", File.ReadAllText(Path.Combine(target, "app/greeting.txt")));
        Assert.Equal("busybox", new FileInfo(Path.Combine(target, "bin/sh")).LinkTarget);
        Assert.False(File.Exists(Path.Combine(target, "etc/removed-later")));
    }

    [Fact]
    public async Task Ls_shows_modes_layers_links_and_whiteouts()
    {
        var seed = await TestImages.WriteOciAsync(_temp["layout"]);
        var root = SnelloCli.Check("ls", seed, "/bin").Stdout;
        Assert.Contains("lrwxrwxrwx", root, StringComparison.Ordinal);
        Assert.Contains("/bin/sh -> busybox", root, StringComparison.Ordinal);

        var layer = SnelloCli.Check("ls", seed, "--layer", "1", "-R").Stdout;
        Assert.Contains("whiteout", layer, StringComparison.Ordinal);
        Assert.Contains("/etc/removed-later", layer, StringComparison.Ordinal);
        Assert.Contains("L1", layer, StringComparison.Ordinal);

        var json = SnelloCli.Check("ls", seed, "-R", "/data", "--format", "json").Stdout;
        using var doc = JsonDocument.Parse(json);
        var hardlink = doc.RootElement.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("path").GetString() == "/data/hardlink");
        Assert.Equal("hardlink", hardlink.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Cache_ls_and_prune_work_on_the_given_cache_dir()
    {
        var cache = _temp["cache"];
        var seed = await TestImages.WriteOciAsync(_temp["layout"]);
        SnelloCli.Check("--cache-dir", cache, "copy", seed, $"docker-archive:{_temp["a.tar"]}");
        SnelloCli.Check("--cache-dir", cache, "copy", $"docker-archive:{_temp["a.tar"]}", $"oci:{_temp["o"]}");
        var listed = SnelloCli.Check("cache", "ls", "--cache-dir", cache, "--format", "json").Stdout;
        using (var doc = JsonDocument.Parse(listed))
        {
            Assert.Equal(2, doc.RootElement.GetProperty("blobs").GetArrayLength());
        }

        SnelloCli.Check("cache", "prune", "--cache-dir", cache);
        var remaining = SnelloCli.Check("cache", "ls", "--cache-dir", cache, "--format", "json").Stdout;
        using var after = JsonDocument.Parse(remaining);
        Assert.Equal(0, after.RootElement.GetProperty("blobs").GetArrayLength());
    }

    private static string Corrupt(string layout, string location)
    {
        var json = SnelloCli.Check("inspect", "--format", "json", location).Stdout;
        using var doc = JsonDocument.Parse(json);
        var digest = doc.RootElement.GetProperty("layers")[1].GetProperty("digest").GetString()!;
        var path = Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xff;
        File.WriteAllBytes(path, bytes);
        return digest;
    }
}
