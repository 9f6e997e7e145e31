using System.Diagnostics;
using Snello.Debian.Packages;
using Snello.Debian.Resolution;

namespace Snello.IntegrationTests.Debian;

/// <summary>The resolver against the real bookworm archive, main plus security, for amd64.</summary>
public sealed class ResolverRealArchiveTests
{
    private static readonly string[] ScriptOnly = ["debconf", "cdebconf", "dpkg", "perl-base", "mawk", "gawk",
        "adduser", "install-info", "init-system-helpers", "tar"];

    [Fact]
    public async Task Libc6_needs_only_libgcc_s1_and_its_gcc_base()
    {
        var resolution = (await ResolverAsync()).Resolve([new("libc6")]);

        Assert.Equal(["gcc-12-base", "libc6", "libgcc-s1"], Names(resolution));
        Assert.Empty(resolution.Omitted);
    }

    [Fact]
    public async Task Ca_certificates_stands_alone_without_debconf_or_the_openssl_of_its_script()
    {
        var resolution = (await ResolverAsync()).Resolve([new("ca-certificates")]);

        Assert.Equal(["ca-certificates"], Names(resolution));
        Assert.Equal([("debconf", "ca-certificates"), ("openssl", "ca-certificates")],
            resolution.Omitted.Select(o => (o.Name, o.RequiredBy)).Order());
    }

    [Fact]
    public async Task Openssl_requested_with_ca_certificates_brings_libssl3_and_libc6()
    {
        var resolution = (await ResolverAsync()).Resolve([new("ca-certificates"), new("openssl")]);

        Assert.Equal(["ca-certificates", "gcc-12-base", "libc6", "libgcc-s1", "libssl3", "openssl"],
            Names(resolution));
        Assert.Equal(["debconf"], resolution.Omitted.Select(o => o.Name));
    }

    [Fact]
    public async Task Tzdata_and_netbase_stand_alone_and_base_files_goes_without_awk()
    {
        var resolver = await ResolverAsync();

        var tzdata = resolver.Resolve([new("tzdata")]);
        var netbase = resolver.Resolve([new("netbase")]);
        var baseFiles = resolver.Resolve([new("base-files")]);

        Assert.Equal(["tzdata"], Names(tzdata));
        Assert.Equal(["debconf"], tzdata.Omitted.Select(o => o.Name));
        Assert.Equal(["netbase"], Names(netbase));
        Assert.Equal(["base-files"], Names(baseFiles));
        Assert.Equal(["awk"], baseFiles.Omitted.Select(o => o.Name));
    }

    [Fact]
    public async Task Python3_gets_its_interpreter_and_stdlib_without_dpkg_perl_or_mime_support()
    {
        var records = await BookwormIndex.RequireAsync();
        _ = new DependencyResolver(records, BookwormIndex.Architecture, ResolutionPolicy.Default);
        var indexing = Stopwatch.StartNew();
        var resolver = new DependencyResolver(records, BookwormIndex.Architecture, ResolutionPolicy.Default);
        indexing.Stop();

        var first = Stopwatch.StartNew();
        resolver.Resolve([new("python3")]);
        first.Stop();
        var watch = Stopwatch.StartNew();
        var resolution = resolver.Resolve([new("python3")]);
        watch.Stop();

        var names = Names(resolution);
        foreach (var expected in new[] { "python3", "python3-minimal", "python3.11", "python3.11-minimal",
            "libpython3.11-minimal", "libpython3.11-stdlib", "libpython3-stdlib", "media-types", "libssl3",
            "libexpat1", "zlib1g", "libffi8", "libsqlite3-0", "libc6", "libgcc-s1" })
        {
            Assert.Contains(expected, names);
        }

        Assert.DoesNotContain("perl", names);
        Assert.DoesNotContain("mime-support", names);
        Assert.Empty(names.Intersect(ScriptOnly));
        Assert.Contains(resolution.Omitted, o => o is { Name: "dpkg", RequiredBy: "python3-minimal" });
        Assert.StartsWith("python3 Pre-Depends: python3-minimal (= ",
            Assert.Single(resolution.Find("python3-minimal")!.Reasons), StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"index of {records.Count} records (second build): {indexing.Elapsed.TotalMilliseconds:F1} ms; python3: "
            + $"{names.Length} packages in {first.Elapsed.TotalMilliseconds:F1} ms (first), "
            + $"{watch.Elapsed.TotalMilliseconds:F1} ms (second)");
    }

    [Fact]
    public async Task Every_selected_version_is_the_highest_the_two_suites_hold()
    {
        var records = await BookwormIndex.RequireAsync();
        var highest = records.Where(r => r.Architecture is BookwormIndex.Architecture or "all")
            .GroupBy(r => r.Package, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(r => r.Version)!, StringComparer.Ordinal);
        var resolver = new DependencyResolver(records, BookwormIndex.Architecture, ResolutionPolicy.Default);

        var resolution = resolver.Resolve([new("python3"), new("ca-certificates"), new("tzdata"),
            new("libstdc++6"), new("libicu72"), new("openssl"), new("base-files"), new("netbase")]);

        Assert.All(resolution.Packages, p => Assert.Equal(highest[p.Name], p.Record.Version));
        Assert.All(resolution.Packages, p => Assert.Contains(p.Record.Architecture, new[] { "amd64", "all" }));
    }

    [Fact]
    public async Task Distroless_style_bases_resolve_together_without_conflicts()
    {
        var resolver = await ResolverAsync();
        string[] requests = ["base-files", "netbase", "tzdata", "ca-certificates", "libc6", "libssl3",
            "libgomp1", "libstdc++6", "libicu72", "zlib1g", "libkrb5-3", "liblttng-ust1", "bash", "coreutils",
            "busybox-static", "golang-go", "gcc"];

        var resolution = resolver.Resolve(requests.Select(r => new PackageRequest(r)).ToList());

        Assert.All(requests, r => Assert.Contains(r, Names(resolution)));
        Assert.All(resolution.Packages, p => Assert.NotEmpty(p.Reasons));
        Assert.Equal(Names(resolution).Order(StringComparer.Ordinal), Names(resolution));
    }

    [Fact]
    public async Task A_request_the_archive_lacks_names_the_archive_and_close_names()
    {
        var resolver = await ResolverAsync();

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("ca-certificate")]));

        Assert.StartsWith("package 'ca-certificate' is not in the archive "
            + "(bookworm main, bookworm-security main amd64); close names: 'ca-certificates'", e.Message,
            StringComparison.Ordinal);
    }

    private static async Task<DependencyResolver> ResolverAsync()
    {
        IReadOnlyList<PackageRecord> records = await BookwormIndex.RequireAsync();
        return new DependencyResolver(records, BookwormIndex.Architecture, ResolutionPolicy.Default,
            BookwormIndex.Name);
    }

    private static string[] Names(Snello.Debian.Resolution.Resolution resolution) =>
        resolution.Packages.Select(p => p.Name).ToArray();
}
