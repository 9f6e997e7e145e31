using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Build;

/// <summary>skopeo, umoci and oci-image-tool accept what build writes; docker load takes its archive.</summary>
public sealed class BuildOutputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Oci_layout_output_is_accepted_by_skopeo_umoci_and_oci_image_tool()
    {
        var skopeo = Components.RequireTool("skopeo", "skopeo");
        var umoci = Components.RequireTool("umoci", "umoci");
        var validator = Components.RequireTool("oci-image-tool", "oci-image-tool");
        var spec = Builds.CopySpec("specs/static.snello.yaml", _temp["spec"]);
        var layout = _temp["layout"];
        Builds.Build(spec, $"oci:{layout}:static");

        var inspect = ProcessRunner.Run(skopeo, ["inspect", $"oci:{layout}:static"]);
        Assert.True(inspect.ExitCode == 0, "skopeo inspect failed: " + inspect);
        var copy = ProcessRunner.Run(skopeo, ["copy", $"oci:{layout}:static", $"oci-archive:{_temp["copy.tar"]}"]);
        Assert.True(copy.ExitCode == 0, "skopeo copy failed: " + copy);
        var unpack = ProcessRunner.Run(umoci, ["unpack", "--rootless", "--image", $"{layout}:static",
            _temp["bundle"]]);
        Assert.True(unpack.ExitCode == 0, "umoci unpack failed: " + unpack);
        Assert.True(File.Exists(Path.Combine(_temp["bundle"], "rootfs", "etc", "passwd")));
        var validate = ProcessRunner.Run(validator, ["validate", "--type", "image", "--ref",
            "name=static", layout]);
        Assert.True(validate.ExitCode == 0, "oci-image-tool validate failed: " + validate);
    }

    [Fact]
    public void Docker_daemon_output_runs_as_nonroot_with_the_passwd_entries()
    {
        _ = Components.RequireDockerEngine();
        var spec = Builds.CopySpec("specs/static.snello.yaml", _temp["spec"]);
        Builds.Build(spec, "docker-daemon:snello-build/static-daemon:test");

        var user = Docker.Check("image", "inspect", "-f", "{{.Config.User}}", "snello-build/static-daemon:test");
        Assert.Equal("65532:65532", user.Stdout.Trim());
    }

    [Fact]
    public void Debug_build_and_debug_image_give_a_busybox_shell()
    {
        _ = Components.RequireDockerEngine();
        var spec = Builds.CopySpec("specs/static.snello.yaml", _temp["spec"]);
        var archive = _temp["debug.tar"];
        Builds.Build(spec, $"docker-archive:{archive}:snello-build/static:debug", extra: ["--debug"]);
        Docker.Check("load", "-i", archive);
        Assert.Equal("hi\n", Builds.RunImage("snello-build/static:debug", "-c", "echo hi"));

        var plain = _temp["plain"];
        Builds.Build(spec, $"oci:{plain}:static");
        var added = SnelloCli.RunWith(Builds.SharedCache, new Dictionary<string, string>(),
            "debug-image", $"oci:{plain}:static", "--output", $"docker-archive:{_temp["added.tar"]}:added:debug");
        Assert.True(added.ExitCode == 0, "snello debug-image failed: " + added);
        Docker.Check("load", "-i", _temp["added.tar"]);
        Assert.Equal("/etc/passwd\n", Builds.RunImage("added:debug", "-c", "ls /etc/passwd"));
    }

    [Fact]
    public void Two_architectures_give_an_index_and_a_docker_archive_takes_the_host_one_with_a_warning()
    {
        Directory.CreateDirectory(_temp["spec"]);
        var spec = _temp["spec/snello.yaml"];
        File.WriteAllText(spec, File.ReadAllText(Path.Combine(Repository.Root, "specs", "static.snello.yaml")) +
            "\narchitectures: [amd64, arm64]\n");

        var index = Builds.Build(spec, $"oci:{_temp["layout"]}:multi");
        Assert.Equal(2, index.GetProperty("architectures").GetArrayLength());
        var shown = SnelloCli.Check("inspect", $"oci:{_temp["layout"]}:multi").Stdout;
        Assert.Contains("linux/amd64", shown, StringComparison.Ordinal);
        Assert.Contains("linux/arm64/v8", shown, StringComparison.Ordinal);

        var archive = Builds.Run(spec, $"docker-archive:{_temp["multi.tar"]}:multi:1");
        Assert.True(archive.ExitCode == 0, archive.ToString());
        Assert.Contains("warning", archive.Stderr, StringComparison.Ordinal);
        Assert.Contains("linux/amd64", SnelloCli.Check("inspect", $"docker-archive:{_temp["multi.tar"]}").Stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_with_a_base_adds_its_files_to_that_image_and_writes_no_lock()
    {
        _ = Components.RequireDockerEngine();
        var busybox = Components.RequireTool("busybox", "busybox-static");
        var spec = Builds.CopySpec("specs/static.snello.yaml", _temp["base"]);
        Builds.Build(spec, $"oci:{_temp["layout"]}:static");
        Directory.CreateDirectory(_temp["app"]);
        var app = _temp["app/snello.yaml"];
        File.WriteAllText(app, $"base: oci:{_temp["layout"]}:static\nfiles:\n  - source: {busybox}\n" +
            "    destination: /app/busybox\nentrypoint: [\"/app/busybox\", \"cat\", \"/etc/passwd\"]\n");

        var archive = _temp["app.tar"];
        var build = Builds.Build(app, $"docker-archive:{archive}:snello-build/on-base:test");

        Assert.False(File.Exists(_temp["app/snello.lock"]), "a spec with no distribution wrote a lock");
        Assert.Equal(JsonValueKind.Null, build.GetProperty("lock").GetProperty("path").ValueKind);
        Docker.Check("load", "-i", archive);
        Assert.Contains("nonroot:x:65532", Builds.RunImage("snello-build/on-base:test"), StringComparison.Ordinal);
    }
}
