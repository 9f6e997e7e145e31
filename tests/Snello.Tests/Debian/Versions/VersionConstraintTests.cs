using Snello.Debian.Versions;

namespace Snello.Tests.Debian.Versions;

public sealed class VersionConstraintTests
{
    [Theory]
    [InlineData("(<< 2.0)", VersionOperator.StrictlyEarlier, "2.0")]
    [InlineData("(<= 2.0)", VersionOperator.EarlierOrEqual, "2.0")]
    [InlineData("(= 1:2.0-1)", VersionOperator.Equal, "1:2.0-1")]
    [InlineData("(>= 2.36)", VersionOperator.LaterOrEqual, "2.36")]
    [InlineData("(>> 2.0~)", VersionOperator.StrictlyLater, "2.0~")]
    [InlineData(">=2.36", VersionOperator.LaterOrEqual, "2.36")]
    [InlineData("( >=  2.36 )", VersionOperator.LaterOrEqual, "2.36")]
    [InlineData("(< 2.0)", VersionOperator.EarlierOrEqual, "2.0")]
    [InlineData("(> 2.0)", VersionOperator.LaterOrEqual, "2.0")]
    public void Parse_reads_operator_and_version(string text, VersionOperator op, string version)
    {
        var c = VersionConstraint.Parse(text);

        Assert.Equal(op, c.Operator);
        Assert.Equal(version, c.Version.ToString());
    }

    [Theory]
    [InlineData("(>= 2.36", "not closed")]
    [InlineData("(~ 2.0)", "expected one of << <= = >= >>")]
    [InlineData("(>=)", "must not be empty")]
    [InlineData("(>= 1.0_x)", "holds '_'")]
    [InlineData("", "expected one of")]
    public void Parse_refuses_malformed_constraints_naming_them(string text, string reason)
    {
        var e = Assert.Throws<VersionConstraintFormatException>(() => VersionConstraint.Parse(text));

        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(<< 2.0)", "1.9", true)]
    [InlineData("(<< 2.0)", "2.0", false)]
    [InlineData("(<< 2.0)", "2.0~rc1", true)]
    [InlineData("(<= 2.0)", "2.0", true)]
    [InlineData("(<= 2.0)", "2.0-1", false)]
    [InlineData("(= 2.0)", "2.0-0", true)]
    [InlineData("(= 2.0)", "2.0-1", false)]
    [InlineData("(>= 2.36)", "2.36-9+deb12u4", true)]
    [InlineData("(>= 2.36)", "2.35", false)]
    [InlineData("(>> 2.0)", "2.0", false)]
    [InlineData("(>> 2.0)", "1:1.0", true)]
    public void IsSatisfiedBy_applies_the_relation(string constraint, string candidate, bool expected)
    {
        Assert.Equal(expected, VersionConstraint.Parse(constraint).IsSatisfiedBy(DebianVersion.Parse(candidate)));
    }

    [Fact]
    public void ToString_writes_the_control_file_form()
    {
        Assert.Equal("(>> 1:2.0-1)", VersionConstraint.Parse(">>1:2.0-1").ToString());
    }
}
