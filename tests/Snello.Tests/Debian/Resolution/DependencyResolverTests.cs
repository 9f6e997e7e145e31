using Snello.Debian.Resolution;
using Snello.Debian.Versions;

namespace Snello.Tests.Debian.Resolution;

public sealed class DependencyResolverTests
{
    [Fact]
    public void Resolve_follows_depends_and_pre_depends_transitively()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Pre-Depends: libpre (>= 1)
            Depends: liba

            Package: liba
            Version: 1
            Depends: libb

            Package: libb
            Version: 2

            Package: libpre
            Version: 1.5
            Depends: libc

            Package: libc
            Version: 3

            Package: unrelated
            Version: 1
            """, "app");

        Assert.Equal(["app 1", "liba 1", "libb 2", "libc 3", "libpre 1.5"], resolution.Selected());
        Assert.Equal(["app Pre-Depends: libpre (>= 1)"], resolution.Find("libpre")!.Reasons);
    }

    [Fact]
    public void Resolve_leaves_out_essential_packages_nothing_depends_on()
    {
        var resolution = Universe.Resolve("""
            Package: hello
            Version: 1
            Depends: libc6

            Package: libc6
            Version: 2.36

            Package: coreutils
            Version: 9.1
            Essential: yes
            Priority: required

            Package: bash
            Version: 5.2
            Essential: yes
            Depends: libc6
            """, "hello");

        Assert.Equal(["hello 1", "libc6 2.36"], resolution.Selected());
    }

    [Fact]
    public void Resolve_terminates_on_circular_dependencies()
    {
        var resolution = Universe.Resolve("""
            Package: libc6
            Version: 2.36-9
            Multi-Arch: same
            Depends: libgcc-s1

            Package: libgcc-s1
            Version: 12.2.0-14
            Multi-Arch: same
            Depends: gcc-12-base (= 12.2.0-14), libc6 (>= 2.35)

            Package: gcc-12-base
            Version: 12.2.0-14
            Multi-Arch: same
            """, "libc6");

        Assert.Equal(["gcc-12-base 12.2.0-14", "libc6 2.36-9", "libgcc-s1 12.2.0-14"], resolution.Selected());
        Assert.Equal(["requested", "libgcc-s1 Depends: libc6 (>= 2.35)"], resolution.Find("libc6")!.Reasons);
    }

    [Fact]
    public void Resolve_lists_requested_first_then_every_dependency_it_satisfies_sorted()
    {
        var resolution = Universe.Resolve("""
            Package: zapp
            Version: 1
            Depends: libc6 (>= 2.30)

            Package: aapp
            Version: 1
            Depends: libc6

            Package: libc6
            Version: 2.36
            """, "zapp", "aapp", "libc6");

        Assert.Equal(["requested", "aapp Depends: libc6", "zapp Depends: libc6 (>= 2.30)"],
            resolution.Find("libc6")!.Reasons);
    }

    [Fact]
    public void Resolve_ignores_records_of_other_architectures_and_takes_architecture_all()
    {
        var resolution = Universe.Resolve("""
            Package: tool
            Version: 1
            Depends: tool-data, libx

            Package: tool-data
            Version: 1
            Architecture: all

            Package: libx
            Version: 9
            Architecture: arm64

            Package: libx
            Version: 2
            """, "tool");

        Assert.Equal(["libx 2", "tool 1", "tool-data 1"], resolution.Selected());
        Assert.Equal("all", resolution.Find("tool-data")!.Record.Architecture);
    }

    [Fact]
    public void Resolve_keeps_the_first_record_of_a_version_listed_twice()
    {
        var resolution = Universe.Resolve("""
            Package: libz
            Version: 1
            Filename: pool/first.deb

            Package: libz
            Version: 1
            Filename: pool/second.deb
            """, "libz");

        Assert.Equal("pool/first.deb", resolution.Find("libz")!.Record.Filename);
    }

    [Fact]
    public void Resolve_honours_a_requested_version_constraint()
    {
        var resolution = Universe.Resolver("""
            Package: libz
            Version: 1.3

            Package: libz
            Version: 1.2
            """).Resolve([new PackageRequest("libz", VersionConstraint.Parse("<< 1.3"))]);

        Assert.Equal(["libz 1.2"], resolution.Selected());
    }

    [Fact]
    public void Resolve_picks_the_highest_version_across_suites()
    {
        // The release's version and the security suite's update, listed in either order.
        var resolution = Universe.Resolve("""
            Package: libssl3
            Version: 3.0.15-1~deb12u1
            Filename: pool/updates/libssl3.deb

            Package: libssl3
            Version: 3.0.11-1~deb12u2
            Filename: pool/main/libssl3.deb

            Package: openssl
            Version: 3.0.11-1~deb12u2
            Depends: libssl3 (>= 3.0.9)
            """, "openssl");

        Assert.Equal(["libssl3 3.0.15-1~deb12u1", "openssl 3.0.11-1~deb12u2"], resolution.Selected());
    }

    [Fact]
    public void Resolve_picks_a_lower_version_when_a_later_constraint_rejects_the_highest()
    {
        // app takes the highest libfoo first; old-plugin, reached later, needs libfoo below 2, so libfoo 2
        // is set aside and the next pass picks 1.5, which satisfies both.
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: libfoo (>= 1), plugin

            Package: plugin
            Version: 1
            Depends: libfoo (<< 2)

            Package: libfoo
            Version: 2

            Package: libfoo
            Version: 1.5

            Package: libfoo
            Version: 1
            """, "app");

        Assert.Equal(["app 1", "libfoo 1.5", "plugin 1"], resolution.Selected());
        Assert.Equal(["app Depends: libfoo (>= 1)", "plugin Depends: libfoo (<< 2)"],
            resolution.Find("libfoo")!.Reasons);
    }

    [Fact]
    public void Resolve_names_the_version_set_aside_when_constraints_cannot_meet()
    {
        var resolver = Universe.Resolver("""
            Package: app
            Version: 1
            Depends: libfoo (>= 2), plugin

            Package: plugin
            Version: 1
            Depends: libfoo (<< 2)

            Package: libfoo
            Version: 2

            Package: libfoo
            Version: 1
            """);

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("app")]));

        Assert.Equal("app 1", e.Package);
        Assert.Equal("Depends", e.Field);
        Assert.Equal("libfoo (>= 2)", e.Relation);
        Assert.Equal("package 'app 1' Depends: 'libfoo (>= 2)', but the archive holds only libfoo 1, libfoo 2 "
            + "(libfoo 2 was set aside: it does not meet 'plugin 1 Depends: libfoo (<< 2)')", e.Message);
    }

    [Fact]
    public void Resolve_fails_on_a_pre_depends_that_nothing_satisfies()
    {
        var resolver = Universe.Resolver("""
            Package: foo
            Version: 1.0-1
            Pre-Depends: libbar (>= 2)

            Package: libbar
            Version: 1.0-1
            """);

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("foo")]));

        Assert.Equal("package 'foo 1.0-1' Pre-Depends: 'libbar (>= 2)', but the archive holds only libbar 1.0-1",
            e.Message);
    }

    [Fact]
    public void Resolve_names_a_dependency_no_package_has_or_provides_with_close_names()
    {
        var resolver = Universe.Resolver("""
            Package: foo
            Version: 1
            Depends: libbaar

            Package: libbar
            Version: 1
            """);

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("foo")]));

        Assert.Equal("package 'foo 1' Depends: 'libbaar', but no package is named or provides 'libbaar'; "
            + "close names: 'libbar'", e.Message);
    }

    [Fact]
    public void Resolve_names_the_archive_when_a_requested_package_is_absent()
    {
        var resolver = Universe.Resolver("""
            Package: curl
            Version: 7.88
            """);

        var absent = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("nonexistent")]));
        var typo = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("curll")]));

        Assert.Equal("package 'nonexistent' is not in the archive (bookworm main amd64)", absent.Message);
        Assert.Null(absent.Package);
        Assert.Equal("package 'curll' is not in the archive (bookworm main amd64); close names: 'curl'",
            typo.Message);
    }

    [Fact]
    public void Resolve_says_which_versions_exist_when_a_requested_version_is_absent()
    {
        var resolver = Universe.Resolver("""
            Package: curl
            Version: 7.88
            """);

        var e = Assert.Throws<UnsatisfiableDependencyException>(
            () => resolver.Resolve([new("curl", VersionConstraint.Parse(">= 8"))]));

        Assert.Equal("package 'curl (>= 8)' was requested, but the archive holds only curl 7.88", e.Message);
    }

    [Fact]
    public void Resolve_reports_two_selected_packages_that_conflict()
    {
        var resolver = Universe.Resolver("""
            Package: app
            Version: 1
            Depends: mta-a, tool

            Package: tool
            Version: 1
            Depends: mta-b

            Package: mta-a
            Version: 1
            Provides: mail-transport-agent
            Conflicts: mail-transport-agent

            Package: mta-b
            Version: 2
            Provides: mail-transport-agent
            """);

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("app")]));

        Assert.Equal("package 'mta-a 1' Conflicts: 'mail-transport-agent', but 'mta-b 2' is selected too "
            + "(tool Depends: mta-b)", e.Message);
    }

    [Fact]
    public void Resolve_reports_breaks_only_within_its_version_range()
    {
        const string Stanzas = """
            Package: new-lib
            Version: 2
            Breaks: old-app (<< 1.5)

            Package: old-app
            Version: {0}
            Depends: new-lib
            """;
        var fine = Universe.Resolve(Stanzas.Replace("{0}", "1.5", StringComparison.Ordinal), "old-app");
        var resolver = Universe.Resolver(Stanzas.Replace("{0}", "1.4", StringComparison.Ordinal));

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("old-app")]));

        Assert.Equal(["new-lib 2", "old-app 1.5"], fine.Selected());
        Assert.Equal("package 'new-lib 2' Breaks: 'old-app (<< 1.5)', but 'old-app 1.4' is selected too "
            + "(requested)", e.Message);
    }

    [Fact]
    public void Resolve_returns_packages_sorted_by_name_whatever_the_universe_order()
    {
        const string Stanzas = """
            Package: b-lib
            Version: 1

            Package: a-lib
            Version: 1

            Package: app
            Version: 1
            Depends: b-lib, a-lib
            """;
        var reversed = string.Join("\n\n", Stanzas.Split("\n\n").Reverse());

        var first = Universe.Resolve(Stanzas, "app").Selected();
        var second = Universe.Resolve(reversed, "app").Selected();

        Assert.Equal(["a-lib 1", "app 1", "b-lib 1"], first);
        Assert.Equal(first, second);
    }
}
