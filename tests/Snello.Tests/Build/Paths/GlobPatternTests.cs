using Snello.Build.Paths;

namespace Snello.Tests.Build.Paths;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("/usr/share/doc/**", "/usr/share/doc/libc6/copyright", true)]
    [InlineData("/usr/share/doc/**", "/usr/share/doc/libc6", true)]
    [InlineData("/usr/share/doc/**", "/usr/share/doc", true)]
    [InlineData("/usr/share/doc/**", "/usr/share/docs/x", false)]
    [InlineData("/usr/share/doc/*/copyright", "/usr/share/doc/libc6/copyright", true)]
    [InlineData("/usr/share/doc/*/copyright", "/usr/share/doc/libc6/x/copyright", false)]
    [InlineData("/usr/**/libssl.so.*", "/usr/lib/x86_64-linux-gnu/libssl.so.3", true)]
    [InlineData("/usr/**/libssl.so.*", "/usr/libssl.so.3", true)]
    [InlineData("/etc/passw?", "/etc/passwd", true)]
    [InlineData("/etc/passw?", "/etc/passw", false)]
    [InlineData("/lib/ld-linux-[a-z]*.so.2", "/lib/ld-linux-aarch64.so.2", true)]
    [InlineData("/lib/ld-linux-[!a]*.so.2", "/lib/ld-linux-aarch64.so.2", false)]
    [InlineData("/tmp", "/tmp", true)]
    [InlineData("/**", "/anything/at/all", true)]
    public void IsMatch_follows_segment_wildcards(string pattern, string path, bool expected) =>
        Assert.Equal(expected, GlobPattern.Parse(pattern).IsMatch(path));

    [Theory]
    [InlineData("/usr/share/doc/*/copyright", "/usr/share/doc/libc6", true)]
    [InlineData("/usr/share/doc/*/copyright", "/usr/share", true)]
    [InlineData("/usr/share/doc/*/copyright", "/usr/share/man", false)]
    [InlineData("/usr/share/doc/*/copyright", "/usr/share/doc/libc6/copyright", false)]
    [InlineData("/usr/**/copyright", "/usr/x/y", true)]
    public void CanMatchBelow_says_whether_a_folder_may_hold_a_match(string pattern, string folder, bool expected) =>
        Assert.Equal(expected, GlobPattern.Parse(pattern).CanMatchBelow(folder));

    [Theory]
    [InlineData("usr/share", "absolute")]
    [InlineData("/usr//share", "empty path segment")]
    [InlineData("/usr/share/", "empty path segment")]
    [InlineData("/usr/share**", "whole path segment")]
    [InlineData("/usr/[abc", "not closed")]
    [InlineData("/usr/../etc", "'..'")]
    public void Parse_rejects_malformed_patterns(string pattern, string expected)
    {
        var e = Assert.Throws<FormatException>(() => GlobPattern.Parse(pattern));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
