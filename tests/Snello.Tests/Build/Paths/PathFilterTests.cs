using Snello.Build.Paths;
using Snello.Build.Specs;

namespace Snello.Tests.Build.Paths;

public sealed class PathFilterTests
{
    private static readonly PathFilter Defaults = new(BuildSpec.DefaultExclude, BuildSpec.DefaultKeep);

    [Theory]
    [InlineData("/usr/share/doc/libc6/changelog.Debian.gz", false)]
    [InlineData("/usr/share/doc/libc6/copyright", true)]
    [InlineData("/usr/share/man/man1/openssl.1ssl.gz", false)]
    [InlineData("/usr/share/locale/de/LC_MESSAGES/libc.mo", false)]
    [InlineData("/usr/share/info/libc.info.gz", false)]
    [InlineData("/usr/share/lintian/overrides/libc6", false)]
    [InlineData("/usr/share/common-licenses/GPL-3", true)]
    [InlineData("/usr/share/zoneinfo/Europe/Rome", true)]
    [InlineData("./usr/share/doc/tzdata/copyright", true)]
    [InlineData("./usr/share/doc/tzdata/README.Debian", false)]
    public void Default_filter_drops_docs_but_keeps_copyright(string path, bool kept) =>
        Assert.Equal(kept, Defaults.Includes(path));

    [Fact]
    public void A_folder_that_holds_a_kept_file_stays()
    {
        Assert.True(Defaults.Includes("/usr/share/doc/libc6", isDirectory: true));
        Assert.False(Defaults.Includes("/usr/share/doc/libc6/examples", isDirectory: true));
        Assert.False(Defaults.Includes("/usr/share/man/man1", isDirectory: true));
    }

    [Fact]
    public void An_excluded_folder_drops_everything_below_it()
    {
        var filter = new PathFilter(["/usr/lib/python3"], []);
        Assert.False(filter.Includes("/usr/lib/python3/dist-packages/x.py"));
        Assert.True(filter.Includes("/usr/lib/python3.11/os.py"));
    }

    [Fact]
    public void Keep_wins_over_exclude_for_the_path_and_below()
    {
        var filter = new PathFilter(["/usr/share/**"], ["/usr/share/zoneinfo"]);
        Assert.True(filter.Includes("/usr/share/zoneinfo/UTC"));
        Assert.False(filter.Includes("/usr/share/misc/magic"));
    }
}
