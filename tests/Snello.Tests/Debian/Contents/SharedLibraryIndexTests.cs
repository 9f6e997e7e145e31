using System.Text;
using Snello.Debian.Contents;

namespace Snello.Tests.Debian.Contents;

public sealed class SharedLibraryIndexTests
{
    private const string Sample =
        "lib/x86_64-linux-gnu/libc.so.6                          libs/libc6\n" +
        "lib64/ld-linux-x86-64.so.2                              libs/libc6\n" +
        "usr/lib/x86_64-linux-gnu/libicuuc.so                    libdevel/libicu-dev\n" +
        "usr/lib/x86_64-linux-gnu/libicuuc.so.72                 libs/libicu72\n" +
        "usr/lib/x86_64-linux-gnu/libssl.so.3                    libs/libssl3,non-free/libs/libssl3-alt\n" +
        "usr/share/gdb/auto-load/lib/x86_64-linux-gnu/libc.so.6-gdb.py libdevel/libc6-dev\n" +
        "usr/lib/x86_64-linux-gnu/perl5/5.36/auto/POSIX/POSIX.so perl/perl-base\n" +
        "usr/lib/python3/dist-packages/foo.so.txt                 python/python3-foo\n" +
        "usr/lib/my lib/libspace.so.1                             libs/libspace1\n";

    private static SharedLibraryIndex Load(string text) =>
        SharedLibraryIndex.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Find_returns_the_package_of_a_library_in_a_multiarch_folder()
    {
        var found = Assert.Single(Load(Sample).Find("libc.so.6"));

        Assert.Equal("/lib/x86_64-linux-gnu/libc.so.6", found.Path);
        Assert.Equal(["libc6"], found.Packages);
    }

    [Fact]
    public void Find_strips_area_and_section_from_every_package_of_a_line()
    {
        var found = Assert.Single(Load(Sample).Find("libssl.so.3"));

        Assert.Equal(["libssl3", "libssl3-alt"], found.Packages);
    }

    [Fact]
    public void Read_keeps_the_loader_in_lib64_and_development_symlinks()
    {
        var index = Load(Sample);

        Assert.Equal("libc6", Assert.Single(index.Find("ld-linux-x86-64.so.2")).Packages[0]);
        Assert.Equal("libicu-dev", Assert.Single(index.Find("libicuuc.so")).Packages[0]);
    }

    [Theory]
    [InlineData("libc.so.6-gdb.py")]
    [InlineData("POSIX.so")]
    [InlineData("foo.so.txt")]
    [InlineData("libspace.so.1")]
    public void Read_drops_files_outside_the_standard_folders_or_not_named_like_libraries(string name)
    {
        Assert.Empty(Load(Sample).Find(name));
    }

    [Fact]
    public void Write_then_read_gives_the_same_index()
    {
        var index = Load(Sample);
        var text = new StringWriter();
        index.Write(text);

        var again = Load(text.ToString());

        Assert.Equal(index.Count, again.Count);
        Assert.Equal(["libssl3", "libssl3-alt"], Assert.Single(again.Find("libssl.so.3")).Packages);
    }

    [Theory]
    [InlineData("lib", true)]
    [InlineData("usr/lib64", true)]
    [InlineData("usr/lib/aarch64-linux-gnu", true)]
    [InlineData("usr/lib/x86_64-linux-gnu/libfoo", false)]
    [InlineData("usr/lib/python3", false)]
    [InlineData("usr/share/lib", false)]
    public void IsStandardFolder_knows_the_loader_default_folders(string folder, bool expected)
    {
        Assert.Equal(expected, SharedLibraryIndex.IsStandardFolder(folder));
    }
}
