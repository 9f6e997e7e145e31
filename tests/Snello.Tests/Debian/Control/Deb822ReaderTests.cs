using Snello.Debian.Control;

namespace Snello.Tests.Debian.Control;

public sealed class Deb822ReaderTests
{
    private const string Packages = """
        Package: libc6
        Version: 2.36-9+deb12u4
        Architecture: amd64
        Depends: libgcc-s1,
         libcrypt1 (>= 1:4.4.10-10~)
        Description: GNU C Library: Shared libraries
         Contains the standard libraries that are used by nearly all programs on
         the system.
         .
           A verbatim line.

        Package: base-files
        Essential: yes


        Package: tzdata
        """;

    [Fact]
    public void Parse_splits_paragraphs_at_blank_lines()
    {
        var paragraphs = Deb822Reader.Parse(Packages, "Packages");

        Assert.Equal(["libc6", "base-files", "tzdata"], paragraphs.Select(p => p["Package"]));
        Assert.Equal([1, 12, 16], paragraphs.Select(p => p.LineNumber));
    }

    [Fact]
    public void Field_names_are_looked_up_without_case()
    {
        var libc = Deb822Reader.Parse(Packages, "Packages")[0];

        Assert.Equal("2.36-9+deb12u4", libc["version"]);
        Assert.Equal("2.36-9+deb12u4", libc["VERSION"]);
        Assert.True(libc.Contains("architecture"));
        Assert.Null(libc["Pre-Depends"]);
        Assert.Equal("Version", libc.Fields[1].Name);
    }

    [Fact]
    public void Continuation_lines_keep_their_lines_and_fold_on_request()
    {
        var libc = Deb822Reader.Parse(Packages, "Packages")[0];
        Assert.True(libc.TryGetField("Depends", out var depends));
        Assert.True(libc.TryGetField("Description", out var description));

        Assert.Equal("libgcc-s1,\nlibcrypt1 (>= 1:4.4.10-10~)", depends.Value);
        Assert.Equal("libgcc-s1, libcrypt1 (>= 1:4.4.10-10~)", depends.Folded);
        Assert.Equal(4, depends.LineNumber);
        Assert.Equal(
            ["GNU C Library: Shared libraries",
             "Contains the standard libraries that are used by nearly all programs on", "the system.", ".",
             "  A verbatim line."],
            description.Lines);
    }

    [Fact]
    public void Comments_are_skipped_even_inside_a_field()
    {
        const string Sources = """
            # the main archive
            Types: deb
            URIs: http://mirror.example/debian
            Suites: bookworm
            # a comment between continuation lines
             bookworm-updates
            #Enabled: no
            Components: main
            """;

        var p = Assert.Single(Deb822Reader.Parse(Sources, "debian.sources"));

        Assert.Equal("bookworm\nbookworm-updates", p["Suites"]);
        Assert.False(p.Contains("Enabled"));
        Assert.Equal(2, p.LineNumber);
    }

    [Fact]
    public void A_hash_after_a_blank_is_part_of_the_value_not_a_comment()
    {
        var p = Assert.Single(Deb822Reader.Parse("Description: short\n # not a comment\n", "control"));

        Assert.Equal("short\n# not a comment", p["Description"]);
    }

    [Fact]
    public void Carriage_returns_trailing_blanks_and_a_byte_order_mark_are_ignored()
    {
        var p = Assert.Single(Deb822Reader.Parse("\uFEFFOrigin: Debian  \r\nLabel:\tDebian\r\n \r\n", "Release"));

        Assert.Equal("Debian", p["Origin"]);
        Assert.Equal("Debian", p["Label"]);
    }

    [Fact]
    public void An_empty_value_is_allowed_and_multiline_fields_can_start_empty()
    {
        const string Release = """
            Codename: bookworm
            SHA256:
             0ed6d4c8891eb86358b94bb35d9e4da4 1484322 contrib/Contents-all
             d0a0325a97c42fd5f66a8c3e29bcea64 98581 contrib/Contents-all.gz
            """;

        var p = Assert.Single(Deb822Reader.Parse(Release, "Release"));
        Assert.True(p.TryGetField("SHA256", out var sha));

        Assert.Equal("", sha.Lines[0]);
        Assert.Equal(3, sha.Lines.Count);
        Assert.Equal("d0a0325a97c42fd5f66a8c3e29bcea64 98581 contrib/Contents-all.gz", sha.Lines[2]);
    }

    [Fact]
    public void Empty_text_has_no_paragraphs()
    {
        Assert.Empty(Deb822Reader.Parse("", "x"));
        Assert.Empty(Deb822Reader.Parse("\n\n# only a comment\n  \n", "x"));
    }

    [Theory]
    [InlineData("Package: a\n continued\n\n more", 4, " more", "a continuation line must follow a field")]
    [InlineData(" leading", 1, " leading", "a continuation line must follow a field")]
    [InlineData("Package: a\nno colon here", 2, "no colon here", "expected 'Name: value'")]
    [InlineData("Package: a\n: value", 2, ": value", "a field name must not be empty")]
    [InlineData("Package: a\npackage: b", 2, "package: b", "the field 'package' appears twice")]
    [InlineData("Pack age: a", 1, "Pack age: a", "the field name 'Pack age'")]
    [InlineData("-Package: a", 1, "-Package: a", "not starting with '-'")]
    public void Malformed_lines_are_refused_with_their_number_and_text(
        string text, int line, string quoted, string reason)
    {
        var e = Assert.Throws<Deb822FormatException>(() => Deb822Reader.Parse(text, "Packages"));

        Assert.Equal(line, e.LineNumber);
        Assert.Equal(quoted, e.Line);
        Assert.StartsWith($"Packages:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"'{quoted}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_yields_paragraphs_before_reading_the_rest()
    {
        using var reader = new StringReader("Package: a\n\nPackage: b\n\nthis line is broken\n");

        using var paragraphs = Deb822Reader.Read(reader, "Packages").GetEnumerator();

        Assert.True(paragraphs.MoveNext());
        Assert.Equal("a", paragraphs.Current["Package"]);
        Assert.True(paragraphs.MoveNext());
        Assert.Equal("b", paragraphs.Current["Package"]);
        Assert.Throws<Deb822FormatException>(() => paragraphs.MoveNext());
    }

    [Fact]
    public void Required_names_the_missing_field_and_the_paragraph()
    {
        var p = Deb822Reader.Parse("\nPackage: libc6\nVersion: 1\n", "Packages")[0];

        Assert.Equal("libc6", p.Required("package"));
        var e = Assert.Throws<Deb822FormatException>(() => p.Required("Architecture"));
        Assert.Contains("Packages:2: the paragraph has no 'Architecture' field: 'Package: libc6'", e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_dpkg_status_file_parses_when_present()
    {
        const string Status = "/var/lib/dpkg/status";
        if (!File.Exists(Status))
        {
            Assert.Skip($"'{Status}' is absent: the host is not a Debian system");
        }

        var paragraphs = Deb822Reader.ReadFile(Status);

        Assert.Contains(paragraphs, p => p["Package"] == "dpkg");
        Assert.All(paragraphs, p => Assert.NotNull(p["Status"]));
    }
}
