using Snello.Debian.Resolution;

namespace Snello.Tests.Debian.Resolution;

public sealed class ResolutionPolicyTests
{
    private const string Archive = """
        Package: ca-certificates
        Version: 20230311
        Architecture: all
        Depends: openssl (>= 1.1.1), debconf (>= 0.5) | debconf-2.0

        Package: openssl
        Version: 3.0.11
        Depends: libc6 (>= 2.34)

        Package: libc6
        Version: 2.36

        Package: debconf
        Version: 1.5.82
        Architecture: all
        Provides: debconf-2.0
        Pre-Depends: perl-base (>= 5.20.1-3~)

        Package: cdebconf
        Version: 0.270
        Provides: debconf-2.0

        Package: perl-base
        Version: 5.36.0-7
        Source: perl
        Essential: yes
        Pre-Depends: libc6 (>= 2.35), dpkg (>= 1.17.17)

        Package: perl
        Version: 5.36.0-7
        Depends: perl-base (= 5.36.0-7)

        Package: dpkg
        Version: 1.21.22
        Essential: yes
        Depends: tar (>= 1.28-1)

        Package: tar
        Version: 1.34
        Essential: yes

        Package: base-files
        Version: 12.4
        Essential: yes
        Pre-Depends: awk

        Package: mawk
        Version: 1.3.4
        Priority: required
        Provides: awk

        Package: gawk
        Version: 5.2.1
        Priority: optional
        Provides: awk

        Package: readline-common
        Version: 8.2-1.3
        Architecture: all
        Depends: dpkg (>= 1.15.4) | install-info
        """;

    [Fact]
    public void Default_leaves_out_debconf_and_lists_the_omission_with_its_asker()
    {
        var resolution = Universe.Resolve(Archive, "ca-certificates", "openssl");

        Assert.Equal(["ca-certificates 20230311", "libc6 2.36", "openssl 3.0.11"], resolution.Selected());
        var omitted = Assert.Single(resolution.Omitted);
        Assert.Equal("debconf", omitted.Name);
        Assert.Equal("ca-certificates", omitted.RequiredBy);
        Assert.Equal("Depends: debconf (>= 0.5) | debconf-2.0", omitted.Dependency);
        Assert.StartsWith("needed only by maintainer scripts, which Snello never runs", omitted.Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Default_leaves_out_the_virtual_awk_base_files_pre_depends_on()
    {
        var resolution = Universe.Resolve(Archive, "base-files");

        Assert.Equal(["base-files 12.4"], resolution.Selected());
        Assert.Equal(["awk"], resolution.Omitted.Select(o => o.Name));
    }

    [Fact]
    public void Default_leaves_out_dpkg_as_the_first_alternative_without_falling_back_to_the_second()
    {
        var resolution = Universe.Resolve(Archive, "readline-common");

        Assert.Equal(["readline-common 8.2-1.3"], resolution.Selected());
        Assert.Equal(["dpkg"], resolution.Omitted.Select(o => o.Name));
    }

    [Fact]
    public void A_requested_package_is_included_even_when_the_policy_lists_it()
    {
        var resolution = Universe.Resolve(Archive, "ca-certificates", "debconf");

        Assert.Contains("debconf 1.5.82", resolution.Selected());
        Assert.Equal(["requested", "ca-certificates Depends: debconf (>= 0.5) | debconf-2.0"],
            resolution.Find("debconf")!.Reasons);
        Assert.DoesNotContain(resolution.Omitted, o => o.Name == "debconf");

        // debconf's own dependency on perl-base is still omitted: only the request is forced in.
        var perl = Assert.Single(resolution.Omitted, o => o.Name == "perl-base");
        Assert.Equal("debconf", perl.RequiredBy);
    }

    [Fact]
    public void Default_leaves_out_ca_certificates_openssl_but_not_openssl_wanted_by_another_package()
    {
        var resolution = Universe.Resolve(Archive + "\n\nPackage: tool\nVersion: 1\nDepends: openssl\n",
            "ca-certificates", "tool");

        Assert.Contains("openssl 3.0.11", resolution.Selected());
        Assert.Equal(["tool Depends: openssl"], resolution.Find("openssl")!.Reasons);

        var alone = Universe.Resolve(Archive, "ca-certificates");
        Assert.Equal(["ca-certificates 20230311"], alone.Selected());
        var openssl = Assert.Single(alone.Omitted, o => o.Name == "openssl");
        Assert.Contains("update-ca-certificates", openssl.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requested_omitted_package_brings_its_own_dependencies()
    {
        var resolution = Universe.Resolve(Archive, "dpkg");

        Assert.Equal(["dpkg 1.21.22", "tar 1.34"], resolution.Selected());
    }

    [Fact]
    public void A_package_of_the_same_source_keeps_its_omitted_sibling()
    {
        var resolution = Universe.Resolve(Archive, "perl");

        Assert.Equal(["libc6 2.36", "perl 5.36.0-7", "perl-base 5.36.0-7"], resolution.Selected());
        Assert.Equal(["dpkg"], resolution.Omitted.Select(o => o.Name));
        Assert.Equal("perl-base", resolution.Omitted[0].RequiredBy);
    }

    [Fact]
    public void Omissions_are_listed_once_per_asker_sorted_by_name_then_asker()
    {
        var resolution = Universe.Resolve(Archive, "readline-common", "perl-base", "base-files");

        Assert.Equal(["awk base-files", "dpkg perl-base", "dpkg readline-common"],
            resolution.Omitted.Select(o => $"{o.Name} {o.RequiredBy}"));
    }

    [Fact]
    public void None_follows_every_dependency()
    {
        var resolution = Universe.Resolver(Archive, ResolutionPolicy.None).Resolve([new("base-files")]);

        Assert.Equal(["base-files 12.4", "mawk 1.3.4"], resolution.Selected());
        Assert.Empty(resolution.Omitted);
    }

    [Theory]
    [InlineData("debconf")]
    [InlineData("debconf-2.0")]
    [InlineData("dpkg")]
    [InlineData("adduser")]
    [InlineData("perl-base")]
    [InlineData("awk")]
    [InlineData("mawk")]
    [InlineData("gawk")]
    [InlineData("original-awk")]
    [InlineData("install-info")]
    [InlineData("init-system-helpers")]
    public void Default_lists_what_only_maintainer_scripts_need_with_a_reason(string name)
    {
        Assert.True(ResolutionPolicy.Default.Omits(name, out var reason));
        Assert.Contains("maintainer scripts", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_keeps_runtime_packages_that_are_essential()
    {
        Assert.False(ResolutionPolicy.Default.Omits("libc6", out _));
        Assert.False(ResolutionPolicy.Default.Omits("base-files", out _));
        Assert.False(ResolutionPolicy.Default.Omits("tar", out _));
    }
}
