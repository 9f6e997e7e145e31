using Snello.Analysis.Libraries;
using Snello.Tests.Analysis.Elf;

namespace Snello.Tests.Analysis.Libraries;

public sealed class LibraryResolverTests
{
    private static byte[] Lib(string soname, params string[] needed) =>
        new ElfBuilder { SoName = soname, Needed = needed }.Build();

    /// <summary>A merged-/usr Debian layout: /lib and /lib64 are links into /usr.</summary>
    private static MemoryFileLookup Debian() => new MemoryFileLookup()
        .Link("/lib", "usr/lib")
        .Link("/lib64", "usr/lib64")
        .Link("/usr/lib64/ld-linux-x86-64.so.2", "../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2")
        .File("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", Lib("ld-linux-x86-64.so.2"))
        .File("/usr/lib/x86_64-linux-gnu/libc.so.6", Lib("libc.so.6", "ld-linux-x86-64.so.2"));

    private static byte[] Program(params string[] needed) =>
        new ElfBuilder { Interpreter = "/lib64/ld-linux-x86-64.so.2", Needed = needed }.Build();

    [Fact]
    public void Resolve_keeps_interpreter_libraries_and_every_symlink_on_the_way()
    {
        var files = Debian()
            .File("/usr/bin/app", Program("libfoo.so.1", "libc.so.6"))
            .Link("/usr/lib/x86_64-linux-gnu/libfoo.so.1", "libfoo.so.1.2.3")
            .File("/usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3", Lib("libfoo.so.1", "libc.so.6"));

        var closure = new LibraryResolver(files).Resolve([new ClosureRoot("/usr/bin/app", "entrypoint")]);

        var paths = closure.Files.Select(f => f.Path).ToList();
        Assert.Contains("/lib64", paths);
        Assert.Contains("/usr/lib64/ld-linux-x86-64.so.2", paths);
        Assert.Contains("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", paths);
        Assert.Contains("/usr/lib/x86_64-linux-gnu/libfoo.so.1", paths);
        Assert.Contains("/usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3", paths);
        Assert.Contains("/usr/lib/x86_64-linux-gnu/libc.so.6", paths);
        Assert.Empty(closure.Unresolved);
        var foo = closure.Files.Single(f => f.Path == "/usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3");
        Assert.Equal("needed by /usr/bin/app (DT_NEEDED libfoo.so.1)", foo.Reason);
        Assert.Equal(NeededFileKind.Library, foo.Kind);
    }

    [Fact]
    public void Resolve_expands_origin_in_run_path()
    {
        var app = new ElfBuilder { Interpreter = "/lib64/ld-linux-x86-64.so.2", Needed = ["libapp.so"],
            RunPath = "$ORIGIN/../lib" }.Build();
        var files = Debian().File("/opt/app/bin/app", app).File("/opt/app/lib/libapp.so", Lib("libapp.so"));

        var closure = new LibraryResolver(files).Resolve([new ClosureRoot("/opt/app/bin/app", "entrypoint")]);

        Assert.Contains(closure.Files, f => f.Path == "/opt/app/lib/libapp.so");
    }

    [Fact]
    public void Resolve_ignores_rpath_when_run_path_is_set()
    {
        var app = new ElfBuilder { Interpreter = "/lib64/ld-linux-x86-64.so.2", Needed = ["libx.so"],
            RPath = "/rpath", RunPath = "/runpath" }.Build();
        var files = Debian().File("/app", app).File("/rpath/libx.so", Lib("libx.so"))
            .File("/runpath/libx.so", Lib("libx.so"));

        var closure = new LibraryResolver(files).Resolve([new ClosureRoot("/app", "entrypoint")]);

        Assert.Contains(closure.Files, f => f.Path == "/runpath/libx.so");
        Assert.DoesNotContain(closure.Files, f => f.Path == "/rpath/libx.so");
    }

    [Fact]
    public void Resolve_searches_rpath_before_the_default_directories()
    {
        var app = new ElfBuilder { Interpreter = "/lib64/ld-linux-x86-64.so.2", Needed = ["libc.so.6"],
            RPath = "/rpath" }.Build();
        var files = Debian().File("/app", app).File("/rpath/libc.so.6", Lib("libc.so.6"));

        var closure = new LibraryResolver(files).Resolve([new ClosureRoot("/app", "entrypoint")]);

        Assert.Contains(closure.Files, f => f.Path == "/rpath/libc.so.6");
        Assert.DoesNotContain(closure.Files, f => f.Path == "/usr/lib/x86_64-linux-gnu/libc.so.6");
    }

    [Fact]
    public void Resolve_expands_lib_token_to_the_multiarch_directory()
    {
        var app = new ElfBuilder { Interpreter = "/lib64/ld-linux-x86-64.so.2", Needed = ["libq.so"],
            RunPath = "/opt/$LIB" }.Build();
        var files = Debian().File("/app", app).File("/opt/lib/x86_64-linux-gnu/libq.so", Lib("libq.so"));

        var closure = new LibraryResolver(files).Resolve([new ClosureRoot("/app", "entrypoint")]);

        Assert.Contains(closure.Files, f => f.Path == "/opt/lib/x86_64-linux-gnu/libq.so");
    }

    [Fact]
    public void Resolve_reads_ld_so_conf_and_its_include_globs()
    {
        var files = Debian()
            .File("/app", Program("libz.so"))
            .Text("/etc/ld.so.conf", "# comment\ninclude /etc/ld.so.conf.d/*.conf\n")
            .Text("/etc/ld.so.conf.d/extra.conf", "/opt/extra/lib\n")
            .Text("/etc/ld.so.conf.d/ignored.txt", "/opt/wrong\n")
            .File("/opt/wrong/libz.so", Lib("libz.so"))
            .File("/opt/extra/lib/libz.so", Lib("libz.so"));

        var closure = new LibraryResolver(files).Resolve([new ClosureRoot("/app", "entrypoint")]);

        Assert.Contains(closure.Files, f => f.Path == "/opt/extra/lib/libz.so");
        Assert.DoesNotContain(closure.Files, f => f.Path == "/opt/wrong/libz.so");
        Assert.Contains(closure.Files, f => f.Path == "/etc/ld.so.conf.d/extra.conf"
            && f.Kind == NeededFileKind.Configuration);
    }

    [Fact]
    public void Resolve_passes_over_a_library_of_another_machine()
    {
        var arm = new ElfBuilder { SoName = "libw.so", Machine = 183 }.Build();
        var files = Debian().File("/app", Program("libw.so"))
            .File("/usr/lib/x86_64-linux-gnu/libw.so", arm)
            .File("/usr/lib/libw.so", Lib("libw.so"));

        var closure = new LibraryResolver(files).Resolve([new ClosureRoot("/app", "entrypoint")]);

        Assert.Contains(closure.Files, f => f.Path == "/usr/lib/libw.so");
        Assert.DoesNotContain(closure.Files, f => f.Path == "/usr/lib/x86_64-linux-gnu/libw.so");
    }

    [Fact]
    public void Resolve_lists_missing_libraries_with_what_needs_them()
    {
        var files = Debian().File("/app", Program("libmissing.so.9"));

        var closure = new LibraryResolver(files).Resolve([new ClosureRoot("/app", "entrypoint")]);

        var missing = Assert.Single(closure.Unresolved);
        Assert.Equal("libmissing.so.9", missing.Name);
        Assert.Equal("/app", missing.NeededBy);
        Assert.Contains("/usr/lib/x86_64-linux-gnu", missing.Searched);
    }

    [Fact]
    public void Resolve_follows_absolute_symlinks_inside_the_root()
    {
        var files = Debian().File("/app", Program("libabs.so"))
            .Link("/usr/lib/x86_64-linux-gnu/libabs.so", "/../../real/libabs.so")
            .File("/real/libabs.so", Lib("libabs.so"));

        var closure = new LibraryResolver(files).Resolve([new ClosureRoot("/app", "entrypoint")]);

        Assert.Contains(closure.Files, f => f.Path == "/real/libabs.so");
    }

    [Fact]
    public void Resolve_works_over_the_host_root()
    {
        if (!System.IO.File.Exists("/bin/ls"))
        {
            Assert.Skip("the host has no /bin/ls");
        }

        var closure = new LibraryResolver(new DirectoryFileLookup("/"))
            .Resolve([new ClosureRoot("/bin/ls", "entrypoint")]);

        Assert.Contains(closure.Files, f => f.Path.EndsWith("/libc.so.6", StringComparison.Ordinal));
        Assert.Contains(closure.Files, f => f.Kind == NeededFileKind.Interpreter);
        Assert.Empty(closure.Unresolved);
    }
}
