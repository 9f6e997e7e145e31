using Snello.Build.Assembly;

namespace Snello.Tests.Build.Assembly;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("/usr/share/doc/**", "/usr/share/doc", true)]
    [InlineData("/usr/share/doc/**", "/usr/share/doc/libc6/copyright", true)]
    [InlineData("/usr/share/doc/**", "/usr/share/docs", false)]
    [InlineData("/usr/share/doc/*/copyright", "/usr/share/doc/libc6/copyright", true)]
    [InlineData("/usr/share/doc/*/copyright", "/usr/share/doc/libc6/x/copyright", false)]
    [InlineData("/usr/**/*.mo", "/usr/share/locale/de/LC_MESSAGES/a.mo", true)]
    [InlineData("/etc/?asswd", "/etc/passwd", true)]
    [InlineData("/etc/?asswd", "/etc//asswd", false)]
    public void Matches_components_with_star_and_across_them_with_double_star(string glob, string path, bool hit) =>
        Assert.Equal(hit, new PathGlob(glob).Matches(path));

    [Fact]
    public void A_relative_glob_is_refused_naming_it()
    {
        var e = Assert.Throws<AssemblyException>(() => new PathGlob("usr/share/doc/**"));

        Assert.Equal("glob 'usr/share/doc/**' is relative; expected an absolute image path such as "
            + "'/usr/share/doc/**'", e.Message);
    }

    [Theory]
    [InlineData("lib/x/libfoo.so", "../../usr/lib/x/libfoo.so.1", "libfoo.so.1")]
    [InlineData("bin/sh", "dash", "dash")]
    [InlineData("lib64/ld.so", "/lib/x/ld.so", "/lib/x/ld.so")]
    public void Moved_relative_symlinks_still_name_their_file(string original, string target, string expected) =>
        Assert.Equal(expected, MergedUsr.RetargetSymlink(original, MergedUsr.Map(original), target));
}
