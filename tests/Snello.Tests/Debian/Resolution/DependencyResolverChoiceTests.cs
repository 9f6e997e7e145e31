using Snello.Debian.Resolution;

namespace Snello.Tests.Debian.Resolution;

/// <summary>Alternatives, virtual packages and architecture qualifiers.</summary>
public sealed class DependencyResolverChoiceTests
{
    [Fact]
    public void Resolve_takes_the_first_satisfiable_alternative()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: media-types | mime-support

            Package: media-types
            Version: 10

            Package: mime-support
            Version: 3.66
            """, "app");

        Assert.Equal(["app 1", "media-types 10"], resolution.Selected());
    }

    [Fact]
    public void Resolve_skips_an_alternative_whose_versions_are_all_too_low()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: libnew (>= 3) | libold (>= 1)

            Package: libnew
            Version: 2.9

            Package: libold
            Version: 1.1
            """, "app");

        Assert.Equal(["app 1", "libold 1.1"], resolution.Selected());
    }

    [Fact]
    public void Resolve_prefers_a_later_alternative_that_is_requested()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: gawk | mawk

            Package: gawk
            Version: 5.2

            Package: mawk
            Version: 1.3
            """, "app", "mawk");

        Assert.Equal(["app 1", "mawk 1.3"], resolution.Selected());
    }

    [Fact]
    public void Resolve_prefers_a_later_alternative_an_earlier_dependency_selected()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: libtwo, libany

            Package: libtwo
            Version: 1
            Depends: impl-b

            Package: libany
            Version: 1
            Depends: impl-a | impl-b

            Package: impl-a
            Version: 1

            Package: impl-b
            Version: 1
            """, "app");

        Assert.Equal(["app 1", "impl-b 1", "libany 1", "libtwo 1"], resolution.Selected());
    }

    [Fact]
    public void Resolve_takes_another_alternative_over_re_picking_a_selected_version()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: libfoo, bridge

            Package: bridge
            Version: 1
            Depends: libfoo (<< 2) | libfoo-compat

            Package: libfoo
            Version: 2

            Package: libfoo
            Version: 1

            Package: libfoo-compat
            Version: 1
            """, "app");

        Assert.Equal(["app 1", "bridge 1", "libfoo 2", "libfoo-compat 1"], resolution.Selected());
    }

    [Fact]
    public void Resolve_picks_the_highest_priority_of_several_providers()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: editor

            Package: aardvark-edit
            Version: 1
            Priority: optional
            Provides: editor

            Package: nano
            Version: 7.2
            Priority: important
            Provides: editor

            Package: vim-tiny
            Version: 9.0
            Priority: important
            Provides: editor
            """, "app");

        Assert.Equal(["app 1", "nano 7.2"], resolution.Selected());
        Assert.Equal(["app Depends: editor"], resolution.Find("nano")!.Reasons);
    }

    [Fact]
    public void Resolve_prefers_a_provider_already_selected()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: editor

            Package: nano
            Version: 7.2
            Priority: important
            Provides: editor

            Package: vim-tiny
            Version: 9.0
            Priority: optional
            Provides: editor
            """, "vim-tiny", "app");

        Assert.Equal(["app 1", "vim-tiny 9.0"], resolution.Selected());
        Assert.Equal(["requested", "app Depends: editor"], resolution.Find("vim-tiny")!.Reasons);
    }

    [Fact]
    public void Resolve_prefers_a_real_package_over_a_provider_of_its_name()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: libgcc1

            Package: libgcc-s1
            Version: 12
            Priority: required
            Provides: libgcc1 (= 1:12)

            Package: libgcc1
            Version: 1:10
            Priority: optional
            """, "app");

        Assert.Equal(["app 1", "libgcc1 1:10"], resolution.Selected());
    }

    [Fact]
    public void Resolve_satisfies_a_versioned_dependency_only_through_a_versioned_provides()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: libgcc1 (>= 1:4.2)

            Package: other-gcc
            Version: 13
            Priority: required
            Provides: libgcc1

            Package: libgcc-s1
            Version: 12.2.0-14
            Provides: libgcc1 (= 1:12.2.0-14)
            """, "app");

        Assert.Equal(["app 1", "libgcc-s1 12.2.0-14"], resolution.Selected());
    }

    [Fact]
    public void Resolve_refuses_a_versioned_dependency_on_an_unversioned_provides_citing_policy()
    {
        var resolver = Universe.Resolver("""
            Package: app
            Version: 1
            Depends: awk (>= 1)

            Package: mawk
            Version: 1.3.4
            Provides: awk
            """, ResolutionPolicy.None);

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("app")]));

        Assert.Equal("package 'app 1' Depends: 'awk (>= 1)', but 'awk' is provided only by mawk 1.3.4 "
            + "(unversioned); an unversioned Provides satisfies no versioned dependency (Debian policy 7.5)",
            e.Message);
    }

    [Fact]
    public void Resolve_refuses_a_versioned_provides_outside_the_range()
    {
        var resolver = Universe.Resolver("""
            Package: app
            Version: 1
            Depends: libfoo-abi (>= 3)

            Package: libfoo2
            Version: 2.0
            Provides: libfoo-abi (= 2)
            """);

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("app")]));

        Assert.Equal("package 'app 1' Depends: 'libfoo-abi (>= 3)', but 'libfoo-abi' is provided only by "
            + "libfoo2 2.0 (as libfoo-abi 2)", e.Message);
    }

    [Fact]
    public void Resolve_answers_a_request_for_a_virtual_name_with_its_only_provider()
    {
        var resolution = Universe.Resolve("""
            Package: libgcc-s1
            Version: 12
            Provides: libgcc1 (= 1:12)
            """, "libgcc1");

        Assert.Equal(["libgcc-s1 12"], resolution.Selected());
        Assert.Equal(["requested"], resolution.Find("libgcc-s1")!.Reasons);
    }

    [Fact]
    public void Resolve_asks_to_choose_when_a_requested_virtual_name_has_several_providers()
    {
        var resolver = Universe.Resolver("""
            Package: nano
            Version: 7.2
            Provides: editor

            Package: vim-tiny
            Version: 9.0
            Provides: editor
            """);

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("editor")]));

        Assert.Equal("package 'editor' is a virtual package provided by nano, vim-tiny; request one of them",
            e.Message);
    }

    [Fact]
    public void Resolve_satisfies_any_qualifier_only_with_multi_arch_allowed()
    {
        const string Stanzas = """
            Package: script
            Version: 1
            Architecture: all
            Depends: python3:any, perl:any

            Package: python3
            Version: 3.11
            Multi-Arch: allowed

            Package: perl
            Version: 5.36
            Multi-Arch: {0}
            """;
        var fine = Universe.Resolve(Stanzas.Replace("{0}", "allowed", StringComparison.Ordinal), "script");
        var resolver = Universe.Resolver(Stanzas.Replace("{0}", "foreign", StringComparison.Ordinal));

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("script")]));

        Assert.Equal(["perl 5.36", "python3 3.11", "script 1"], fine.Selected());
        Assert.Equal("package 'script 1' Depends: 'perl:any', but the archive holds only perl 5.36, which is not "
            + "'Multi-Arch: allowed' as ':any' requires", e.Message);
    }

    [Fact]
    public void Resolve_satisfies_native_and_the_target_architecture_with_native_and_all_packages()
    {
        var resolution = Universe.Resolve("""
            Package: app
            Version: 1
            Depends: libc6:native, data:amd64, tool:native

            Package: libc6
            Version: 2.36
            Multi-Arch: same

            Package: data
            Version: 1
            Architecture: all

            Package: tool
            Version: 1
            Multi-Arch: foreign
            """, "app");

        Assert.Equal(["app 1", "data 1", "libc6 2.36", "tool 1"], resolution.Selected());
    }

    [Fact]
    public void Resolve_refuses_a_qualifier_naming_another_architecture()
    {
        var resolver = Universe.Resolver("""
            Package: app
            Version: 1
            Depends: libc6:arm64

            Package: libc6
            Version: 2.36
            Multi-Arch: same
            """);

        var e = Assert.Throws<UnsatisfiableDependencyException>(() => resolver.Resolve([new("app")]));

        Assert.Equal("libc6:arm64", e.Relation);
    }
}
