using Snello.Build.Assembly;
using Snello.Build.Specs;
using Snello.Debian.Versions;

namespace Snello.Tests.Build.Specs;

public sealed class BuildSpecTests
{
    private const string File = "/work/app/snello.yaml";

    private const string Full = """
        distribution:
          suite: trixie
          components: [main, contrib]
          security: false
          mirror: http://mirror.invalid/debian
          repositories:
            - uri: https://repo.invalid/apt
              suite: stable
              components: [main, extra]
              keyring: keys/repo.gpg
        base: oci:../base:latest
        architectures: [amd64, arm64]
        packages: [base-files, "libc6 (>= 2.36)"]
        exclude: ["/usr/share/zoneinfo/right/**"]
        keep: ["/usr/share/doc/libc6/README"]
        users: [{name: app, uid: 1000, gid: 1001, home: /srv/app, shell: /bin/false}]
        groups: [{name: app, gid: 1001, members: [app, nonroot]}]
        run-as: app
        files:
          - source: out/hello
            destination: /app/hello
            mode: "0755"
            owner: "app:app"
          - source: /abs/data
            destination: /app/data
        entrypoint: ["/app/hello"]
        cmd: ["--greet", "world"]
        env: {LANG: C.UTF-8, TZ: UTC}
        workdir: /app
        labels: {org.opencontainers.image.title: hello}
        annotations: {org.opencontainers.image.version: "1.0"}
        layers: per-package
        debug: true
        closure: false
        """;

    private static BuildSpec Parse(string text) => BuildSpec.Parse(text, File, "amd64");

    [Fact]
    public void Parse_reads_every_key()
    {
        var spec = Parse(Full);

        var d = spec.Distribution!;
        Assert.Equal("trixie", d.Suite);
        Assert.Equal(["main", "contrib"], d.Components);
        Assert.False(d.Security);
        Assert.Equal(new Uri("http://mirror.invalid/debian"), d.Mirror);
        var repo = Assert.Single(d.Repositories);
        Assert.Equal(new Uri("https://repo.invalid/apt"), repo.Uri);
        Assert.Equal("stable", repo.Suite);
        Assert.Equal(["main", "extra"], repo.Components);
        Assert.Equal("/work/app/keys/repo.gpg", repo.Keyring);
        Assert.Equal("oci:../base:latest", spec.Base);
        Assert.Equal(["amd64", "arm64"], spec.Architectures);
        Assert.Equal("base-files", spec.Packages[0].Name);
        Assert.Null(spec.Packages[0].Constraint);
        Assert.Equal("libc6", spec.Packages[1].Name);
        Assert.Equal(VersionOperator.LaterOrEqual, spec.Packages[1].Constraint!.Operator);
        Assert.Equal("libc6 (>= 2.36)", spec.Packages[1].ToString());
        Assert.Equal(["/usr/share/zoneinfo/right/**"], spec.Exclude);
        Assert.Equal(["/usr/share/doc/libc6/README"], spec.Keep);
        Assert.Contains(new UserSpec("app", 1000, 1001, "/srv/app", "/bin/false"), spec.Users);
        var group = Assert.Single(spec.Groups, g => g.Name == "app");
        Assert.Equal(1001, group.Gid);
        Assert.Equal(["app", "nonroot"], group.Members);
        Assert.Equal("app", spec.RunAs);
        Assert.Equal(new Ownership(1000, 1001), spec.RunAsOwner);
        Assert.Equal(new FileSpec("/work/app/out/hello", "/app/hello", 493, new Ownership(1000, 1001)), spec.Files[0]);
        Assert.Equal(new FileSpec("/abs/data", "/app/data", null, new Ownership(0, 0)), spec.Files[1]);
        Assert.Equal(["/app/hello"], spec.Entrypoint!);
        Assert.Equal(["--greet", "world"], spec.Cmd!);
        Assert.Equal("C.UTF-8", spec.Env["LANG"]);
        Assert.Equal("UTC", spec.Env["TZ"]);
        Assert.Equal("/app", spec.Workdir);
        Assert.Equal("hello", spec.Labels["org.opencontainers.image.title"]);
        Assert.Equal("1.0", spec.Annotations["org.opencontainers.image.version"]);
        Assert.Equal(LayerStrategy.PerPackage, spec.Layers);
        Assert.True(spec.Debug);
        Assert.False(spec.Closure);
        Assert.Equal(File, spec.Path);
        Assert.Equal("/work/app", spec.Directory);
    }

    [Fact]
    public void Parse_fills_in_the_defaults()
    {
        var spec = Parse("distribution: {suite: bookworm}\npackages: [tzdata]\n");

        var d = spec.Distribution!;
        Assert.Equal(["main"], d.Components);
        Assert.True(d.Security);
        Assert.Null(d.Mirror);
        Assert.Empty(d.Repositories);
        Assert.Null(spec.Base);
        Assert.Equal(["amd64"], spec.Architectures);
        Assert.Empty(spec.Exclude);
        Assert.Empty(spec.Keep);
        Assert.Equal(["root", "nonroot", "nobody"], spec.Users.Select(u => u.Name));
        Assert.Equal([0, 65532, 65534], spec.Users.Select(u => u.Uid));
        Assert.Equal(["root", "nonroot", "nobody"], spec.Groups.Select(g => g.Name));
        Assert.Equal("nonroot", spec.RunAs);
        Assert.Equal(new Ownership(65532, 65532), spec.RunAsOwner);
        Assert.Empty(spec.Files);
        Assert.Null(spec.Entrypoint);
        Assert.Null(spec.Cmd);
        Assert.Empty(spec.Env);
        Assert.Null(spec.Workdir);
        Assert.Empty(spec.Labels);
        Assert.Empty(spec.Annotations);
        Assert.Equal(LayerStrategy.PackagesAndApp, spec.Layers);
        Assert.False(spec.Debug);
        Assert.True(spec.Closure);
        Assert.False(spec.Filter.Includes("/usr/share/man/man5/passwd.5.gz"));
    }

    [Fact]
    public void Parse_digests_the_spec_bytes()
    {
        var a = Parse("distribution: {suite: bookworm}\n");
        var b = Parse("distribution: {suite: bookworm}  \n");
        Assert.Matches("^sha256:[0-9a-f]{64}$", a.Digest);
        Assert.NotEqual(a.Digest, b.Digest);
        Assert.Equal(a.Digest, Parse("distribution: {suite: bookworm}\n").Digest);
    }

    [Fact]
    public void Parse_lets_a_spec_with_a_base_leave_out_the_distribution()
    {
        var spec = Parse("base: docker-archive:base.tar\nfiles: [{source: a, destination: /a}]\n");
        Assert.Null(spec.Distribution);
        Assert.Equal("docker-archive:base.tar", spec.Base);
    }

    [Fact]
    public void A_spec_user_of_a_default_name_replaces_the_default()
    {
        var spec = Parse("distribution: {suite: bookworm}\nusers: [{name: nonroot, uid: 1000}]\n");
        Assert.Equal(new UserSpec("nonroot", 1000, 1000, "/home/nonroot", "/sbin/nologin"),
            Assert.Single(spec.Users, u => u.Name == "nonroot"));
        Assert.Equal(new Ownership(1000, 1000), spec.RunAsOwner);
        Assert.Contains(spec.Groups, g => g.Gid == 1000);
    }

    [Theory]
    [InlineData("65532", 65532, 65532)]
    [InlineData("1234:5678", 1234, 5678)]
    [InlineData("root", 0, 0)]
    [InlineData("nobody:root", 65534, 0)]
    [InlineData("0:nobody", 0, 65534)]
    public void Run_as_takes_names_and_ids(string runAs, int uid, int gid)
    {
        var spec = Parse($"distribution: {{suite: bookworm}}\nrun-as: \"{runAs}\"\n");
        Assert.Equal(new Ownership(uid, gid), spec.RunAsOwner);
    }

    [Theory]
    [InlineData("single", LayerStrategy.SingleLayer)]
    [InlineData("packages-and-app", LayerStrategy.PackagesAndApp)]
    [InlineData("per-package", LayerStrategy.PerPackage)]
    public void Layers_names_each_strategy(string name, LayerStrategy expected) =>
        Assert.Equal(expected, Parse($"distribution: {{suite: bookworm}}\nlayers: {name}\n").Layers);

    [Fact]
    public void Load_reads_a_file_and_resolves_paths_against_its_folder()
    {
        var folder = Directory.CreateTempSubdirectory("snello-spec-");
        try
        {
            var path = Path.Combine(folder.FullName, "snello.yaml");
            var text = "distribution: {suite: bookworm}\nfiles: [{source: out, destination: /o}]\n";
            System.IO.File.WriteAllText(path, text);
            var spec = BuildSpec.Load(path, "arm64");
            Assert.Equal(Path.Combine(folder.FullName, "out"), spec.Files[0].Source);
            Assert.Equal(["arm64"], spec.Architectures);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
