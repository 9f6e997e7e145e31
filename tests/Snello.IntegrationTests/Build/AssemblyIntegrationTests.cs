using System.Diagnostics;
using System.Text;
using Snello.Build.Assembly;
using Snello.Build.Debugging;
using Snello.IntegrationTests.Infrastructure;
using Snello.Oci.Caching;
using Snello.Oci.FileSystems;
using Snello.Oci.Images;
using Snello.Oci.Transports;

namespace Snello.IntegrationTests.Build;

/// <summary>Assembly of real Debian packages, checked with Debian's tools, Docker, umoci and oci-image-tool.</summary>
public sealed class AssemblyIntegrationTests : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private static AssemblyPlan BasePlan() => new()
    {
        Packages = DebianPackages.Get(DebianPackages.BaseSet),
        Created = Epoch,
        Architecture = "amd64",
        Codename = "bookworm",
    };

    [Fact]
    public async Task The_base_set_assembles_reproducibly_with_records_for_every_package()
    {
        var plan = BasePlan();
        var watch = Stopwatch.StartNew();
        var first = await ImageAssembler.AssembleAsync(plan, new BlobCache(_temp["cache-a"]), cancellationToken: Ct);
        var elapsed = watch.Elapsed;
        var second = await ImageAssembler.AssembleAsync(plan, new BlobCache(_temp["cache-b"]), cancellationToken: Ct);

        Assert.Equal(first.Digest, second.Digest);
        var view = await FileSystemView.BuildAsync(first, ExtractionLimits.Default, Ct);
        foreach (var name in DebianPackages.BaseSet)
        {
            var record = await ReadAsync(view, $"/var/lib/dpkg/status.d/{name}");
            Assert.StartsWith($"Package: {name}\nStatus: install ok installed\n", record, StringComparison.Ordinal);
        }

        Assert.Contains("VERSION=\"12 (bookworm)\"", await ReadAsync(view, "/etc/os-release"),
            StringComparison.Ordinal);
        Assert.NotNull(view.Resolve("/usr/share/zoneinfo/UTC"));
        Assert.NotNull(view.Resolve("/usr/share/doc/libc6/copyright"));
        Assert.Null(view.Get("/usr/share/doc/libc6/changelog.Debian.gz"));
        var unpacked = view.Walk().Where(e => e.Type == EntryType.RegularFile).Sum(e => e.Size);
        var compressed = first.Layers.Sum(l => l.Descriptor.Size);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"base set: {plan.Packages.Count} packages assembled in {elapsed.TotalMilliseconds:F0} ms; "
            + $"files {unpacked / 1e6:F2} MB, layers {compressed / 1e6:F2} MB gzip");
    }

    [Fact]
    public async Task The_CA_bundle_equals_what_update_ca_certificates_writes_from_the_same_package()
    {
        // update-ca-certificates ends with `openssl rehash`.
        Components.RequireTool("openssl", "openssl");
        var ca = DebianPackages.Get("ca-certificates")[0];
        var root = Directory.CreateDirectory(_temp["ca-root"]).FullName;
        ProcessRunner.Check("dpkg-deb", "-x", ca.DebPath, root);

        // What ca-certificates' postinst does first: list every certificate, sorted, in ca-certificates.conf.
        var share = Path.Combine(root, "usr/share/ca-certificates");
        var names = Directory.EnumerateFiles(share, "*.crt", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(share, f)).Order(StringComparer.Ordinal);
        var conf = Path.Combine(root, "ca-certificates.conf");
        await File.WriteAllLinesAsync(conf, names, Ct);
        var etc = Directory.CreateDirectory(Path.Combine(root, "etc/ssl/certs")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "hooks"));
        Directory.CreateDirectory(Path.Combine(root, "local"));
        ProcessRunner.Check("sh", Path.Combine(root, "usr/sbin/update-ca-certificates"), "--certsconf", conf,
            "--certsdir", share, "--localcertsdir", Path.Combine(root, "local"), "--etccertsdir", etc,
            "--hooksdir", Path.Combine(root, "hooks"));

        var image = await ImageAssembler.AssembleAsync(new AssemblyPlan
        {
            Packages = [ca],
            Created = Epoch,
            Architecture = "amd64",
        }, new BlobCache(_temp["cache"]), cancellationToken: Ct);
        var view = await FileSystemView.BuildAsync(image, ExtractionLimits.Default, Ct);

        var expected = await File.ReadAllTextAsync(Path.Combine(etc, "ca-certificates.crt"), Ct);
        Assert.True(expected.Length > 100_000, "the reference bundle is implausibly small");
        Assert.Equal(expected, await ReadAsync(view, ImageAssembler.CaBundlePath));
    }

    [Fact]
    public async Task A_C_program_linked_against_glibc_runs_in_Docker_and_the_peers_accept_the_image()
    {
        var gcc = Components.RequireTool("gcc", "gcc");
        var source = _temp["hello.c"];
        await File.WriteAllTextAsync(source, "#include <stdio.h>\nint main(void){puts(\"hello\");return 0;}\n", Ct);
        ProcessRunner.Check(gcc, "-O2", "-o", _temp["hello"], source);
        var cache = new BlobCache(_temp["cache"]);
        var plan = BasePlan() with
        {
            Files = [new FileInput(_temp["hello"], "/app/hello", Mode: 0x1ed)],
            Entrypoint = ["/app/hello"],
        };
        var image = await ImageAssembler.AssembleAsync(plan, cache, cancellationToken: Ct);

        await WriteAsync(image, $"oci:{_temp["layout"]}:v1", cache);
        ProcessRunner.Check(Components.RequireTool("oci-image-tool", "oci-image-tool"), "validate", "--type",
            "image", "--ref", "name=v1", _temp["layout"]);
        ProcessRunner.Check(Components.RequireTool("umoci", "umoci"), "unpack", "--rootless", "--image",
            $"{_temp["layout"]}:v1", _temp["bundle"]);

        var tag = "snello-it/assembly-hello:" + Guid.NewGuid().ToString("N")[..8];
        await WriteAsync(image, $"docker-archive:{_temp["image.tar"]}:{tag}", cache);
        Docker.Check("load", "-i", _temp["image.tar"]);
        try
        {
            Assert.Equal("hello\n", Docker.Check("run", "--rm", "--network", "none", tag).Stdout);
        }
        finally
        {
            Docker.Run("rmi", "-f", tag);
        }
    }

    [Fact]
    public async Task The_debug_toolbox_gives_a_working_busybox_shell_in_Docker()
    {
        var cache = new BlobCache(_temp["cache"]);
        var image = await ImageAssembler.AssembleAsync(BasePlan(), cache, cancellationToken: Ct);
        var debug = await DebugToolbox.AddAsync(image, DebianPackages.Get("busybox-static")[0], cache,
            cancellationToken: Ct);

        var tag = "snello-it/assembly-debug:" + Guid.NewGuid().ToString("N")[..8];
        await WriteAsync(debug, $"docker-archive:{_temp["debug.tar"]}:{tag}", cache);
        Docker.Check("load", "-i", _temp["debug.tar"]);
        try
        {
            var run = Docker.Check("run", "--rm", "--network", "none", tag, "-c", "id -u; ls /etc/passwd; echo $PATH");
            Assert.Equal($"65532\n/etc/passwd\n{ImageAssembler.DefaultPath}:/busybox\n", run.Stdout);
        }
        finally
        {
            Docker.Run("rmi", "-f", tag);
        }
    }

    private static async Task WriteAsync(IImage image, string location, BlobCache cache)
    {
        var writer = ImageTransports.OpenWriter(ImageLocation.Parse(location), new TransportOptions(cache));
        await writer.WriteAsync(image, Ct);
    }

    private static async Task<string> ReadAsync(FileSystemView view, string path)
    {
        await using var stream = await view.OpenReadAsync(path, Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }
}
