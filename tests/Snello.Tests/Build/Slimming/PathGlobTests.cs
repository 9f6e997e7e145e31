using Snello.Build.Slimming;

namespace Snello.Tests.Build.Slimming;

public sealed class PathGlobTests
{
    [Theory]
    [InlineData("/usr/share/app/**", "/usr/share/app/data/x.json", true)]
    [InlineData("/usr/lib/*/gconv/**", "/usr/lib/x86_64-linux-gnu/gconv/IBM850.so", true)]
    [InlineData("/etc/*.conf", "/etc/a.conf", true)]
    [InlineData("/etc/*.conf", "/etc/sub/a.conf", false)]
    [InlineData("opt/app", "/opt/app/bin/run", true)]
    [InlineData("/opt/app", "/opt/application", false)]
    [InlineData("/bin/?s", "/bin/ls", true)]
    public void IsMatch_follows_glob_rules_and_keeps_what_is_under_a_match(string pattern, string path, bool match)
    {
        Assert.Equal(match, new PathGlob(pattern).IsMatch(path));
    }
}
