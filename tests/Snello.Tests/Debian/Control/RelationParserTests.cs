using Snello.Debian.Control;
using Snello.Debian.Versions;

namespace Snello.Tests.Debian.Control;

public sealed class RelationParserTests
{
    [Fact]
    public void Parse_reads_entries_alternatives_and_versions()
    {
        var deps = RelationParser.Parse("libc6 (>= 2.36), debconf (>= 0.5) | debconf-2.0, zlib1g");

        Assert.Equal(3, deps.Count);
        var libc = Assert.Single(deps[0].Alternatives);
        Assert.Equal("libc6", libc.Name);
        Assert.Equal(VersionOperator.LaterOrEqual, libc.Constraint!.Operator);
        Assert.Equal(DebianVersion.Parse("2.36"), libc.Constraint.Version);
        Assert.Equal(["debconf", "debconf-2.0"], deps[1].Alternatives.Select(a => a.Name));
        Assert.Null(deps[1].Alternatives[1].Constraint);
        Assert.Null(deps[2].Alternatives[0].Constraint);
    }

    [Fact]
    public void Parse_reads_architecture_qualifiers()
    {
        var deps = RelationParser.Parse("python3:any (>= 3.11), libfoo:amd64, gcc:native");

        Assert.Equal(["any", "amd64", "native"], deps.Select(d => d.Alternatives[0].ArchitectureQualifier));
        Assert.Equal("python3", deps[0].Alternatives[0].Name);
        Assert.Equal("(>= 3.11)", deps[0].Alternatives[0].Constraint!.ToString());
    }

    [Fact]
    public void Parse_reads_architecture_and_profile_restrictions()
    {
        var r = RelationParser.ParseRelation(
            "libseccomp-dev (>= 2.5) [!hurd-i386 !kfreebsd-any] <!nocheck> <stage1 cross>");

        Assert.Equal("libseccomp-dev", r.Name);
        Assert.Equal([new RestrictionTerm("hurd-i386", true), new RestrictionTerm("kfreebsd-any", true)],
            r.Architectures);
        Assert.Equal(2, r.Profiles.Count);
        Assert.Equal([new RestrictionTerm("nocheck", true)], r.Profiles[0]);
        Assert.Equal([new RestrictionTerm("stage1", false), new RestrictionTerm("cross", false)], r.Profiles[1]);
    }

    [Fact]
    public void Parse_accepts_line_breaks_blanks_and_a_trailing_comma()
    {
        var deps = RelationParser.Parse("a1 ( >= 1 ) ,\n  b2|c3 [ amd64 ] ,\n\tdd,");

        Assert.Equal(["a1 (>= 1)", "b2 | c3 [amd64]", "dd"], deps.Select(d => d.ToString()));
    }

    [Fact]
    public void Parse_of_an_empty_value_is_empty()
    {
        Assert.Empty(RelationParser.Parse(""));
        Assert.Empty(RelationParser.Parse(" \n "));
    }

    [Theory]
    [InlineData("libc6 (>= 2.36) [amd64] <!nocheck>")]
    [InlineData("python3:any")]
    [InlineData("libc6 [linux-any kfreebsd-any]")]
    [InlineData("a+b.c-d (<< 1:2.0~rc1-1)")]
    public void ToString_gives_back_a_normalised_relation(string text)
    {
        Assert.Equal(text, RelationParser.ParseRelation(text).ToString());
    }

    [Theory]
    [InlineData("libc6 (>= 2.36", "the '(' is not closed by ')'")]
    [InlineData("libc6 (~ 2.36)", "expected one of << <= = >= >>")]
    [InlineData("libc6 (>= 2_36)", "holds '_'")]
    [InlineData("Libc6", "the package name 'Libc6' must be")]
    [InlineData("a", "the package name 'a' must be")]
    [InlineData("-ab", "the package name '-ab' must be")]
    [InlineData("libc6:", "the architecture qualifier '' must be")]
    [InlineData("libc6:AMD64", "the architecture qualifier 'AMD64' must be")]
    [InlineData("libc6 [amd64 !i386]", "all negated")]
    [InlineData("libc6 []", "the architecture list '' must hold")]
    [InlineData("libc6 <>", "the build profile formula '' must hold")]
    [InlineData("libc6 <nocheck", "the '<' is not closed by '>'")]
    [InlineData("libc6 [amd64] (>= 1)", "unexpected '(>= 1)'")]
    [InlineData("libc6 foo", "unexpected 'foo'")]
    public void ParseRelation_refuses_malformed_relations_naming_them(string text, string reason)
    {
        var e = Assert.Throws<RelationFormatException>(() => RelationParser.ParseRelation(text));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a1 | | b2")]
    [InlineData("a1 |")]
    public void Parse_refuses_empty_alternatives(string text)
    {
        var e = Assert.Throws<RelationFormatException>(() => RelationParser.Parse(text));

        Assert.Contains("an alternative must name a package", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseProvides_reads_names_with_exact_versions()
    {
        var provides = RelationParser.ParseProvides("awk, libfoo-abi (= 1.2), mail-transport-agent");

        Assert.Equal(["awk", "libfoo-abi", "mail-transport-agent"], provides.Select(p => p.Name));
        Assert.Equal(VersionOperator.Equal, provides[1].Constraint!.Operator);
    }

    [Theory]
    [InlineData("awk | mawk", "Provides takes no alternatives")]
    [InlineData("libfoo-abi (>= 1.2)", "Provides takes only exact versions")]
    public void ParseProvides_refuses_alternatives_and_ranges(string text, string reason)
    {
        var e = Assert.Throws<RelationFormatException>(() => RelationParser.ParseProvides(text));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_relationship_field_of_the_host_status_file_parses()
    {
        const string Status = "/var/lib/dpkg/status";
        if (!File.Exists(Status))
        {
            Assert.Skip($"'{Status}' is absent: the host is not a Debian system");
        }

        var count = 0;
        foreach (var paragraph in Deb822Reader.ReadFile(Status))
        {
            foreach (var name in new[] { "Depends", "Pre-Depends", "Recommends", "Suggests", "Breaks", "Conflicts" })
            {
                if (paragraph.TryGetField(name, out var field))
                {
                    count += RelationParser.Parse(field.Value).Count;
                }
            }

            if (paragraph.TryGetField("Provides", out var provides))
            {
                count += RelationParser.ParseProvides(provides.Value).Count;
            }
        }

        Assert.True(count > 10, $"only {count} relations in '{Status}'");
    }
}
