using Snello.Build.Pipeline;

namespace Snello.Tests.Build.Pipeline;

public sealed class DebianPlatformsTests
{
    [Theory]
    [InlineData("amd64", "linux/amd64")]
    [InlineData("arm64", "linux/arm64/v8")]
    [InlineData("armhf", "linux/arm/v7")]
    [InlineData("i386", "linux/386")]
    [InlineData("ppc64el", "linux/ppc64le")]
    public void Debian_architectures_map_to_oci_platforms_and_back(string debian, string platform)
    {
        var oci = DebianPlatforms.ToOci(debian);

        Assert.Equal(platform, oci.ToString());
        Assert.Equal(debian, DebianPlatforms.FromOci(oci.Architecture, oci.Variant));
    }

    [Fact]
    public void An_unknown_architecture_is_refused_naming_it_and_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => DebianPlatforms.ToOci("vax"));

        Assert.Contains("'vax'", e.Message, StringComparison.Ordinal);
        Assert.Contains("amd64", e.Message, StringComparison.Ordinal);
    }
}
