using Snello.Analysis.Findings;

namespace Snello.Tests.Analysis.Findings;

public sealed class SeverityTextTests
{
    [Theory]
    [InlineData("critical", Severity.Critical)]
    [InlineData("HIGH", Severity.High)]
    [InlineData(" Medium ", Severity.Medium)]
    [InlineData("low", Severity.Low)]
    [InlineData("info", Severity.Info)]
    public void Parse_accepts_names_in_any_case(string text, Severity expected)
    {
        Assert.Equal(expected, SeverityText.Parse(text));
    }

    [Fact]
    public void Parse_error_quotes_the_value_and_lists_the_expected_names()
    {
        var error = Assert.Throws<FormatException>(() => SeverityText.Parse("severe"));

        Assert.Equal("invalid severity 'severe': expected one of critical, high, medium, low, info", error.Message);
    }

    [Theory]
    [InlineData(Severity.Critical, "error")]
    [InlineData(Severity.High, "error")]
    [InlineData(Severity.Medium, "warning")]
    [InlineData(Severity.Low, "note")]
    [InlineData(Severity.Info, "note")]
    public void ToSarifLevel_maps_the_scale_onto_sarif_levels(Severity severity, string level)
    {
        Assert.Equal(level, severity.ToSarifLevel());
    }

    [Fact]
    public void IsAtLeast_orders_critical_above_info()
    {
        Assert.True(Severity.Critical.IsAtLeast(Severity.High));
        Assert.True(Severity.High.IsAtLeast(Severity.High));
        Assert.False(Severity.Medium.IsAtLeast(Severity.High));
    }

    [Fact]
    public void ToName_round_trips_through_parse()
    {
        foreach (var severity in Enum.GetValues<Severity>())
        {
            Assert.Equal(severity, SeverityText.Parse(severity.ToName()));
        }
    }
}
