using Snello.Oci.Model;

namespace Snello.Tests.Oci.Model;

public sealed class PlatformTests
{
    [Theory]
    [InlineData("linux/amd64", "linux", "amd64", null)]
    [InlineData("linux/arm64/v8", "linux", "arm64", "v8")]
    [InlineData("linux/arm/v7", "linux", "arm", "v7")]
    [InlineData("Linux/AMD64", "linux", "amd64", null)]
    [InlineData("windows/amd64", "windows", "amd64", null)]
    public void Parse_reads_os_architecture_and_variant_in_lowercase(
        string text, string os, string architecture, string? variant)
    {
        var platform = Platform.Parse(text);

        Assert.Equal(os, platform.Os);
        Assert.Equal(architecture, platform.Architecture);
        Assert.Equal(variant, platform.Variant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("linux")]
    [InlineData("linux/")]
    [InlineData("/amd64")]
    [InlineData("linux/arm64/")]
    [InlineData("linux/arm/v7/extra")]
    [InlineData("linux/ amd64")]
    [InlineData("linux//v7")]
    public void Parse_rejects_other_forms_quoting_the_text(string text)
    {
        var error = Assert.Throws<FormatException>(() => Platform.Parse(text));

        Assert.StartsWith($"invalid platform '{text}': expected 'os/arch'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linux/amd64")]
    [InlineData("linux/arm64/v8")]
    public void ToString_parses_back_to_an_equal_platform(string text)
    {
        var platform = Platform.Parse(text);

        Assert.Equal(text, platform.ToString());
        Assert.Equal(platform, Platform.Parse(platform.ToString()));
    }

    [Theory]
    [InlineData("linux/amd64", "linux/amd64", true)]
    [InlineData("linux/amd64", "linux/arm64", false)]
    [InlineData("linux/amd64", "windows/amd64", false)]
    [InlineData("linux/arm64", "linux/arm64/v8", true)]
    [InlineData("linux/arm64", "linux/arm64", true)]
    [InlineData("linux/arm64/v8", "linux/arm64", true)]
    [InlineData("linux/arm64/v8", "linux/arm64/v8", true)]
    [InlineData("linux/arm64/v8", "linux/arm64/v9", false)]
    [InlineData("linux/arm64/v8", "linux/arm/v8", false)]
    [InlineData("linux/arm/v7", "linux/arm", true)]
    [InlineData("linux/arm/v7", "linux/arm/v7", true)]
    [InlineData("linux/arm/v7", "linux/arm/v6", false)]
    [InlineData("linux/arm/v6", "linux/arm", false)]
    [InlineData("linux/arm", "linux/arm/v6", true)]
    [InlineData("linux/amd64/v3", "linux/amd64", false)]
    public void Accepts_matches_os_and_architecture_and_defaults_arm_variants(
        string requested, string candidate, bool accepted)
    {
        Assert.Equal(accepted, Platform.Parse(requested).Accepts(Platform.Parse(candidate)));
    }

    [Fact]
    public void Host_is_a_linux_platform_with_a_go_architecture_name()
    {
        Assert.Equal("linux", Platform.Host.Os);
        Assert.DoesNotContain(Platform.Host.Architecture, c => char.IsAsciiLetterUpper(c));
        Assert.True(Platform.Host.Accepts(Platform.Host));
    }
}
