using Snello.Cli;
using Snello.Cli.Rendering;

namespace Snello.Tests.Cli;

public sealed class SizesTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1024", 1024)]
    [InlineData("1K", 1024)]
    [InlineData("500M", 500L << 20)]
    [InlineData("5G", 5L << 30)]
    [InlineData("5GiB", 5L << 30)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("2T", 2L << 40)]
    public void Parse_reads_sizes_with_binary_suffixes(string text, long expected)
    {
        Assert.Equal(expected, Sizes.Parse(text, "--max-size"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-5G")]
    [InlineData("5X")]
    [InlineData("99999999999T")]
    public void Parse_rejects_what_is_not_a_size_naming_the_option_and_value(string text)
    {
        var e = Assert.Throws<UsageException>(() => Sizes.Parse(text, "--max-size"));
        Assert.Contains($"--max-size '{text}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(5L << 30, "5.0 GiB")]
    public void Human_prints_binary_units(long bytes, string expected)
    {
        Assert.Equal(expected, Sizes.Human(bytes));
    }
}
