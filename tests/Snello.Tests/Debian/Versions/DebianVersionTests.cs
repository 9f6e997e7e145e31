using Snello.Debian.Versions;

namespace Snello.Tests.Debian.Versions;

public sealed class DebianVersionTests
{
    [Fact]
    public void Parse_splits_epoch_upstream_and_revision()
    {
        var v = DebianVersion.Parse("1:2.36-9+deb12u4");

        Assert.Equal(1, v.Epoch);
        Assert.Equal("2.36", v.Upstream);
        Assert.Equal("9+deb12u4", v.Revision);
        Assert.Equal("1:2.36-9+deb12u4", v.ToString());
    }

    [Fact]
    public void Parse_splits_the_revision_at_the_last_hyphen_and_the_epoch_at_the_first_colon()
    {
        var v = DebianVersion.Parse("2:1.0-rc1:x-3");

        Assert.Equal(2, v.Epoch);
        Assert.Equal("1.0-rc1:x", v.Upstream);
        Assert.Equal("3", v.Revision);
    }

    [Fact]
    public void Parse_without_epoch_or_revision_gives_zero_and_empty()
    {
        var v = DebianVersion.Parse(" 1.2.3 ");

        Assert.Equal(0, v.Epoch);
        Assert.Equal("1.2.3", v.Upstream);
        Assert.Equal("", v.Revision);
        Assert.Equal("1.2.3", v.ToString());
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("a:1.0", "epoch 'a'")]
    [InlineData(":1.0", "epoch ''")]
    [InlineData("-1:1.0", "epoch '-1'")]
    [InlineData("99999999999:1.0", "larger than")]
    [InlineData("1.0-", "revision after the last '-'")]
    [InlineData("1:", "upstream version must not be empty")]
    [InlineData("-1", "upstream version must not be empty")]
    [InlineData("1.0_beta", "'1.0_beta' holds '_'")]
    [InlineData("1.0-deb:1", "epoch '1.0-deb'")]
    [InlineData("1.0-a_b", "revision 'a_b' holds '_'")]
    [InlineData("1.0 2", "blanks")]
    public void Parse_refuses_malformed_versions_naming_the_value(string text, string expected)
    {
        var e = Assert.Throws<DebianVersionFormatException>(() => DebianVersion.Parse(text));

        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(text, e.Value);
        Assert.False(DebianVersion.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_of_null_is_false()
    {
        Assert.False(DebianVersion.TryParse(null, out var v));
        Assert.Null(v);
    }

    [Theory]
    [InlineData("1.0~rc1", "1.0")]
    [InlineData("1.0~~", "1.0~")]
    [InlineData("1.0", "1.0a")]
    [InlineData("1.0a", "1.0+")]
    [InlineData("1.0", "1.0.1")]
    [InlineData("1.9", "1.10")]
    [InlineData("9", "10")]
    [InlineData("1.0-1", "1.0-1+deb12u1")]
    [InlineData("1.0-1~bpo1", "1.0-1")]
    [InlineData("2.0", "1:1.0")]
    [InlineData("1.0-9", "1.0.1-1")]
    [InlineData("0a", "a")]
    [InlineData("1.0-Z", "1.0-a")]
    public void Earlier_version_sorts_first(string earlier, string later)
    {
        var a = DebianVersion.Parse(earlier);
        var b = DebianVersion.Parse(later);

        Assert.True(a < b);
        Assert.True(b > a);
        Assert.True(DebianVersion.Compare(a, b) < 0);
        Assert.True(b.CompareTo(a) > 0);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("1.0", "1.00")]
    [InlineData("1.0", "0:1.0")]
    [InlineData("1.0", "1.0-0")]
    [InlineData("1.0-00", "1.0")]
    [InlineData("1.01a", "1.1a")]
    [InlineData("1.", "1.0")]
    public void Versions_equal_in_dpkg_order_are_equal_with_equal_hashes(string left, string right)
    {
        var a = DebianVersion.Parse(left);
        var b = DebianVersion.Parse(right);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<DebianVersion> { a, b });
    }

    [Fact]
    public void Null_sorts_before_any_version()
    {
        var v = DebianVersion.Parse("0");

        Assert.True(DebianVersion.Compare(null, v) < 0);
        Assert.True(v.CompareTo(null) > 0);
        Assert.False(v.Equals(null));
        Assert.True((DebianVersion?)null == null);
    }

    [Fact]
    public void Sorting_a_list_follows_dpkg_order()
    {
        string[] shuffled = ["1.0", "1:0.1", "1.0~rc1", "1.0-1", "1.0+b1", "0.9", "1.0a"];

        var sorted = shuffled.Select(DebianVersion.Parse).Order().Select(v => v.ToString()).ToArray();

        Assert.Equal(["0.9", "1.0~rc1", "1.0", "1.0-1", "1.0a", "1.0+b1", "1:0.1"], sorted);
    }
}
