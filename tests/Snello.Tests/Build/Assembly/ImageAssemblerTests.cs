using Microsoft.Extensions.Logging;
using Snello.Build.Assembly;
using Snello.Oci.FileSystems;

namespace Snello.Tests.Build.Assembly;

public sealed class ImageAssemblerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestDeb Libc() => new TestDeb("libc6")
        .Folder("./").Folder("./lib/").Folder("./lib/x86_64-linux-gnu/")
        .File("./lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "loader", (UnixFileMode)0x1ed)
        .File("./lib/x86_64-linux-gnu/libc.so.6", "libc")
        .Folder("./lib64/").Symlink("./lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2")
        .Folder("./usr/").Folder("./usr/share/").Folder("./usr/share/doc/").Folder("./usr/share/doc/libc6/")
        .File("./usr/share/doc/libc6/copyright", "libc copyright")
        .File("./usr/share/doc/libc6/changelog.Debian.gz", "changes")
        .Folder("./usr/share/man/").Folder("./usr/share/man/man1/").File("./usr/share/man/man1/ldd.1.gz", "man");

    [Fact]
    public async Task Passwd_and_group_hold_the_distroless_defaults_and_the_plan_users()
    {
        using var scratch = new AssemblyScratch();
        var plan = scratch.Plan() with
        {
            Users = [new UserEntry("app", 1000, 1000, "/home/app")],
            Groups = [new GroupEntry("app", 1000)],
        };

        var view = await AssemblyScratch.ViewAsync(await ImageAssembler.AssembleAsync(plan, scratch.Cache,
            cancellationToken: Ct));

        Assert.Equal("root:x:0:0:root:/root:/sbin/nologin\napp:x:1000:1000:app:/home/app:/sbin/nologin\n"
            + "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n",
            await AssemblyScratch.ReadAsync(view, "/etc/passwd"));
        Assert.Equal("root:x:0:\ntty:x:5:\nstaff:x:50:\napp:x:1000:\nnonroot:x:65532:\nnobody:x:65534:\n",
            await AssemblyScratch.ReadAsync(view, "/etc/group"));
        Assert.Equal((0x1c0, 65532, 65532), Owner(view, "/home/nonroot"));
        Assert.Equal((0x1c0, 1000, 1000), Owner(view, "/home/app"));
        Assert.Equal((0x1c0, 0, 0), Owner(view, "/root"));
        Assert.Equal((0x3ff, 0, 0), Owner(view, "/tmp"));
        Assert.Null(view.Get("/nonexistent"));
        Assert.Contains("hosts:          files dns", await AssemblyScratch.ReadAsync(view, "/etc/nsswitch.conf"),
            StringComparison.Ordinal);
        Assert.Contains("VERSION_CODENAME=bookworm\n", await AssemblyScratch.ReadAsync(view, "/etc/os-release"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_paths_under_lib_move_into_usr_and_the_interpreter_resolves()
    {
        using var scratch = new AssemblyScratch();

        var view = await AssemblyScratch.ViewAsync(await ImageAssembler.AssembleAsync(scratch.Plan(Libc()),
            scratch.Cache, cancellationToken: Ct));

        Assert.Equal("usr/lib", view.Get("/lib")!.LinkTarget);
        Assert.Equal("usr/lib64", view.Get("/lib64")!.LinkTarget);
        Assert.Equal("usr/bin", view.Get("/bin")!.LinkTarget);
        Assert.Equal(EntryType.RegularFile, view.Get("/usr/lib/x86_64-linux-gnu/libc.so.6")!.Type);
        Assert.Equal("loader", await AssemblyScratch.ReadAsync(view, "/lib64/ld-linux-x86-64.so.2"));
    }

    [Fact]
    public async Task Docs_and_man_pages_are_left_out_but_each_copyright_is_kept()
    {
        using var scratch = new AssemblyScratch();

        var view = await AssemblyScratch.ViewAsync(await ImageAssembler.AssembleAsync(scratch.Plan(Libc()),
            scratch.Cache, cancellationToken: Ct));

        Assert.Equal("libc copyright", await AssemblyScratch.ReadAsync(view, "/usr/share/doc/libc6/copyright"));
        Assert.Null(view.Get("/usr/share/doc/libc6/changelog.Debian.gz"));
        Assert.Null(view.Get("/usr/share/man"));
    }

    [Fact]
    public async Task Each_package_gets_a_status_record_and_its_md5sums()
    {
        using var scratch = new AssemblyScratch();
        var libc = Libc();
        libc.Md5sums = "0123456789abcdef0123456789abcdef  lib/x86_64-linux-gnu/libc.so.6\n";

        var view = await AssemblyScratch.ViewAsync(await ImageAssembler.AssembleAsync(scratch.Plan(libc),
            scratch.Cache, cancellationToken: Ct));

        var record = await AssemblyScratch.ReadAsync(view, "/var/lib/dpkg/status.d/libc6");
        Assert.StartsWith("Package: libc6\nStatus: install ok installed\nVersion: 1.0-1\n", record,
            StringComparison.Ordinal);
        Assert.Equal(libc.Md5sums, await AssemblyScratch.ReadAsync(view, "/var/lib/dpkg/status.d/libc6.md5sums"));
    }

    [Fact]
    public async Task The_CA_bundle_concatenates_the_certificates_sorted_with_final_newlines()
    {
        using var scratch = new AssemblyScratch();
        var ca = new TestDeb("ca-certificates", architecture: "all")
            .Folder("./usr/share/ca-certificates/mozilla/")
            .File("./usr/share/ca-certificates/mozilla/B.crt", "bee")
            .File("./usr/share/ca-certificates/mozilla/A.crt", "ay\n")
            .File("./usr/share/ca-certificates/mozilla/a.crt", "small ay\n")
            .File("./usr/share/ca-certificates/mozilla/readme.txt", "not a certificate\n");

        var image = await ImageAssembler.AssembleAsync(scratch.Plan(ca), scratch.Cache, cancellationToken: Ct);
        var view = await AssemblyScratch.ViewAsync(image);

        Assert.Equal("ay\nbee\nsmall ay\n", await AssemblyScratch.ReadAsync(view, ImageAssembler.CaBundlePath));
        Assert.Contains("SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt", image.Config.Config!.Env!);
    }

    [Fact]
    public async Task The_same_plan_gives_the_same_digest_twice()
    {
        using var scratch = new AssemblyScratch();
        var plan = scratch.Plan(Libc(), new TestDeb("netbase", architecture: "all").File("./etc/services", "x"));
        using var other = new AssemblyScratch();

        var first = await ImageAssembler.AssembleAsync(plan, scratch.Cache, cancellationToken: Ct);
        var second = await ImageAssembler.AssembleAsync(plan with { Packages = plan.Packages.Reverse().ToList() },
            other.Cache, cancellationToken: Ct);

        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.Manifest.Layers.Select(l => l.Digest), second.Manifest.Layers.Select(l => l.Digest));
    }

    [Fact]
    public async Task A_file_two_packages_ship_differently_comes_from_the_later_name_with_a_warning()
    {
        using var scratch = new AssemblyScratch();
        var logger = new ListLogger();
        var plan = scratch.Plan(new TestDeb("zeta").File("./etc/shared", "zeta"),
            new TestDeb("alpha").File("./etc/shared", "alpha"));

        var view = await AssemblyScratch.ViewAsync(await ImageAssembler.AssembleAsync(plan, scratch.Cache, logger,
            Ct));

        Assert.Equal("zeta", await AssemblyScratch.ReadAsync(view, "/etc/shared"));
        var warning = Assert.Single(logger.Messages);
        Assert.Contains("'/etc/shared' is shipped by both alpha and zeta", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_files_keep_their_tree_symlinks_and_take_the_plan_mode_and_owner()
    {
        using var scratch = new AssemblyScratch();
        var app = Directory.CreateDirectory(Path.Combine(scratch.Root, "app"));
        Directory.CreateDirectory(Path.Combine(app.FullName, "lib"));
        await File.WriteAllTextAsync(Path.Combine(app.FullName, "lib", "data.txt"), "data", Ct);
        await File.WriteAllTextAsync(Path.Combine(app.FullName, ".hidden"), "hidden", Ct);
        File.CreateSymbolicLink(Path.Combine(app.FullName, "current"), "lib/data.txt");
        var plan = scratch.Plan() with
        {
            Files = [new FileInput(app.FullName, "/opt/app", Mode: 0x1ed, Uid: 1000, Gid: 1000)],
        };

        var image = await ImageAssembler.AssembleAsync(plan, scratch.Cache, cancellationToken: Ct);
        var view = await AssemblyScratch.ViewAsync(image);

        Assert.Equal("data", await AssemblyScratch.ReadAsync(view, "/opt/app/current"));
        Assert.Equal("lib/data.txt", view.Get("/opt/app/current")!.LinkTarget);
        Assert.Equal((0x1ed, 1000, 1000), Owner(view, "/opt/app/lib/data.txt"));
        Assert.Equal("hidden", await AssemblyScratch.ReadAsync(view, "/opt/app/.hidden"));
        Assert.Equal((0x1ed, 0, 0), Owner(view, "/opt"));
        Assert.Equal(2, image.Layers.Count);
    }

    [Theory]
    [InlineData(LayerStrategy.SingleLayer, 1)]
    [InlineData(LayerStrategy.PackagesAndApp, 2)]
    [InlineData(LayerStrategy.PerPackage, 4)]
    public async Task The_layer_strategy_decides_the_layer_count(LayerStrategy strategy, int layers)
    {
        using var scratch = new AssemblyScratch();
        var host = Path.Combine(scratch.Root, "hello");
        await File.WriteAllTextAsync(host, "hi", Ct);
        var plan = scratch.Plan(Libc(), new TestDeb("tzdata", architecture: "all").File("./etc/timezone", "UTC"))
            with { Layers = strategy, Files = [new FileInput(host, "/app/hello")] };

        var image = await ImageAssembler.AssembleAsync(plan, scratch.Cache, cancellationToken: Ct);

        Assert.Equal(layers, image.Layers.Count);
        Assert.Equal(layers, image.Config.History!.Count);
        Assert.Equal(image.Layers.Select(l => l.DiffId), image.Config.RootFs.DiffIds);
        var view = await AssemblyScratch.ViewAsync(image);
        Assert.Equal("hi", await AssemblyScratch.ReadAsync(view, "/app/hello"));
        Assert.Equal("UTC", await AssemblyScratch.ReadAsync(view, "/etc/timezone"));
    }

    [Fact]
    public async Task The_config_runs_as_nonroot_with_the_plan_settings_and_the_one_timestamp()
    {
        using var scratch = new AssemblyScratch();
        var plan = scratch.Plan() with
        {
            Entrypoint = ["/app/hello"],
            Env = new Dictionary<string, string> { ["LANG"] = "C.UTF-8" },
            Workdir = "/app",
            Labels = new Dictionary<string, string> { ["a"] = "b" },
            Annotations = new Dictionary<string, string> { ["org.opencontainers.image.title"] = "t" },
        };

        var image = await ImageAssembler.AssembleAsync(plan, scratch.Cache, cancellationToken: Ct);

        var config = image.Config.Config!;
        Assert.Equal("65532:65532", config.User);
        Assert.Equal(["PATH=" + ImageAssembler.DefaultPath, "SSL_CERT_FILE=" + ImageAssembler.CaBundlePath,
            "LANG=C.UTF-8"], config.Env);
        Assert.Equal(["/app/hello"], config.Entrypoint);
        Assert.Equal("/app", config.WorkingDir);
        Assert.Equal(AssemblyScratch.Epoch, image.Config.Created);
        Assert.Equal("t", image.Manifest.Annotations!["org.opencontainers.image.title"]);
        var view = await AssemblyScratch.ViewAsync(image);
        Assert.All(view.Walk(), e => Assert.Equal(AssemblyScratch.Epoch, e.ModificationTime));
    }

    [Fact]
    public async Task A_run_as_name_that_is_no_user_is_refused_naming_it()
    {
        using var scratch = new AssemblyScratch();

        var e = await Assert.ThrowsAsync<AssemblyException>(() => ImageAssembler.AssembleAsync(
            scratch.Plan() with { RunAs = "ghost" }, scratch.Cache, cancellationToken: Ct));

        Assert.StartsWith("run-as user 'ghost' is not among the users", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_image_keeps_its_layers_first_and_its_user_unless_the_plan_sets_one()
    {
        using var scratch = new AssemblyScratch();
        var baseImage = await ImageAssembler.AssembleAsync(scratch.Plan(Libc()) with { RunAs = "root" },
            scratch.Cache, cancellationToken: Ct);

        var image = await ImageAssembler.AssembleAsync(
            scratch.Plan(new TestDeb("tzdata").File("./etc/timezone", "UTC")) with { Base = baseImage },
            scratch.Cache, cancellationToken: Ct);

        Assert.Equal(baseImage.Manifest.Layers[0], image.Manifest.Layers[0]);
        Assert.Equal("0:0", image.Config.Config!.User);
        var view = await AssemblyScratch.ViewAsync(image);
        Assert.Equal("loader", await AssemblyScratch.ReadAsync(view, "/lib64/ld-linux-x86-64.so.2"));
        Assert.NotNull(view.Get("/var/lib/dpkg/status.d/tzdata"));
        Assert.NotNull(view.Get("/var/lib/dpkg/status.d/libc6"));
    }

    private static (int Mode, int Uid, int Gid) Owner(FileSystemView view, string path)
    {
        var entry = view.Get(path) ?? throw new InvalidOperationException($"'{path}' is missing");
        return (entry.Mode, entry.Uid, entry.Gid);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }
}
