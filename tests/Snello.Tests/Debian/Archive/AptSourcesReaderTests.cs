using Snello.Debian.Archive;
using Snello.Tests.Support;

namespace Snello.Tests.Debian.Archive;

public sealed class AptSourcesReaderTests
{
    [Fact]
    public void ParseOneLine_reads_type_uri_suite_components_and_options()
    {
        const string Text = """
            # the main archive
            deb http://mirror.example/debian bookworm main contrib # trailing comment
            deb-src [ arch=amd64,arm64 signed-by=/usr/share/keyrings/x.gpg ] https://mirror.example/debian bookworm main

            deb [trusted=yes] file:/srv/repo ./
            """;

        var sources = AptSourcesReader.ParseOneLine(Text, "sources.list");

        Assert.Equal(3, sources.Count);
        var main = sources[0];
        Assert.True(main.IsBinary);
        Assert.Equal(new Uri("http://mirror.example/debian"), main.Uri);
        Assert.Equal("bookworm", main.Suite);
        Assert.Equal(["main", "contrib"], main.Components);
        Assert.Null(main.SignedBy);
        Assert.True(main.Enabled);
        Assert.Equal("sources.list:2", main.Origin);

        var src = sources[1];
        Assert.False(src.IsBinary);
        Assert.Equal("/usr/share/keyrings/x.gpg", src.SignedBy);
        Assert.Equal("amd64,arm64", src.Options["arch"]);
        Assert.False(src.Options.ContainsKey("signed-by"));

        Assert.Equal("./", sources[2].Suite);
        Assert.Empty(sources[2].Components);
        Assert.Equal("yes", sources[2].Options["trusted"]);
        Assert.Equal("deb file:///srv/repo ./", sources[2].ToString());
    }

    [Theory]
    [InlineData("rpm http://mirror.example/debian bookworm main", "type 'rpm' must be 'deb' or 'deb-src'")]
    [InlineData("deb http://mirror.example/debian", "expected 'deb [options] URI SUITE")]
    [InlineData("deb http://mirror.example/debian bookworm", "suite 'bookworm' needs at least one component")]
    [InlineData("deb http://mirror.example/debian ./ main", "the exact path './' takes no components")]
    [InlineData("deb [arch=amd64 http://mirror.example/debian bookworm main", "is not closed by ']'")]
    [InlineData("deb [trusted] http://mirror.example/debian bookworm main", "the option 'trusted' must be")]
    [InlineData("deb mirror.example/debian bookworm main", "the URI 'mirror.example/debian' must be absolute")]
    [InlineData("deb /srv/repo bookworm main", "the URI '/srv/repo' must be absolute")]
    public void ParseOneLine_refuses_malformed_lines_naming_file_line_and_text(string line, string reason)
    {
        var e = Assert.Throws<AptSourcesFormatException>(
            () => AptSourcesReader.ParseOneLine("# first\n" + line + "\n", "x.list"));

        Assert.Equal(2, e.LineNumber);
        Assert.StartsWith("x.list:2: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDeb822_expands_types_uris_and_suites()
    {
        const string Text = """
            Types: deb deb-src
            URIs: http://mirror.example/debian
            Suites: bookworm bookworm-updates
            Components: main non-free-firmware
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
            Architectures: amd64 arm64

            Types: deb
            URIs: http://mirror.example/debian-security
            Suites: bookworm-security
            Components: main
            Enabled: no
            """;

        var sources = AptSourcesReader.ParseDeb822(Text, "debian.sources");

        Assert.Equal(
            ["deb http://mirror.example/debian bookworm main non-free-firmware",
             "deb http://mirror.example/debian bookworm-updates main non-free-firmware",
             "deb-src http://mirror.example/debian bookworm main non-free-firmware",
             "deb-src http://mirror.example/debian bookworm-updates main non-free-firmware",
             "deb http://mirror.example/debian-security bookworm-security main"],
            sources.Select(s => s.ToString()));
        Assert.All(sources.Take(4), s => Assert.Equal("/usr/share/keyrings/debian-archive-keyring.gpg", s.SignedBy));
        Assert.All(sources.Take(4), s => Assert.True(s.Enabled));
        Assert.Equal("amd64 arm64", sources[0].Options["architectures"]);
        Assert.False(sources[4].Enabled);
        Assert.Null(sources[4].SignedBy);
        Assert.Equal("debian.sources:8", sources[4].Origin);
    }

    [Fact]
    public void ParseDeb822_keeps_an_inline_key_block_with_its_lines()
    {
        const string Text = """
            Types: deb
            URIs: https://mirror.example/repo
            Suites: stable
            Components: main
            Signed-By:
             -----BEGIN PGP PUBLIC KEY BLOCK-----
             .
             mDMEZ0000BYJKwYBBAHaRw8BAQdA
             -----END PGP PUBLIC KEY BLOCK-----
            """;

        var source = Assert.Single(AptSourcesReader.ParseDeb822(Text, "repo.sources"));

        Assert.True(source.SignedByIsInlineKey);
        Assert.Equal(
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n.\nmDMEZ0000BYJKwYBBAHaRw8BAQdA\n-----END PGP PUBLIC KEY BLOCK-----",
            source.SignedBy);
    }

    [Theory]
    [InlineData("Types: deb\nSuites: bookworm\nComponents: main", 1, "needs Types, URIs and Suites")]
    [InlineData("Types: deb\nURIs: http://mirror.example/d\nSuites: bookworm", 1, "suite 'bookworm' needs Comp")]
    [InlineData("Types: debs\nURIs: http://mirror.example/d\nSuites: ./", 1, "type 'debs' must be")]
    [InlineData("Types: deb\nURIs: http://mirror.example/d\nSuites: ./\nEnabled: maybe", 4, "Enabled 'maybe'")]
    [InlineData("Types: deb\nURIs: mirror\nSuites: ./", 1, "the URI 'mirror' must be absolute")]
    [InlineData("Types: deb\n\n URIs broken", 3, "a continuation line must follow a field")]
    public void ParseDeb822_refuses_malformed_entries(string text, int line, string reason)
    {
        var e = Assert.Throws<AptSourcesFormatException>(() => AptSourcesReader.ParseDeb822(text, "x.sources"));

        Assert.Equal(line, e.LineNumber);
        Assert.StartsWith($"x.sources:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRoot_reads_sources_list_then_list_and_sources_files_in_name_order()
    {
        using var sandbox = new Sandbox();
        var apt = Directory.CreateDirectory(Path.Combine(sandbox.Parent, "etc", "apt", "sources.list.d")).FullName;
        File.WriteAllText(Path.Combine(sandbox.Parent, "etc", "apt", "sources.list"),
            "deb http://mirror.example/debian bookworm main\n");
        File.WriteAllText(Path.Combine(apt, "b.sources"),
            "Types: deb\nURIs: http://mirror.example/b\nSuites: trixie\nComponents: main\n");
        File.WriteAllText(Path.Combine(apt, "a.list"), "deb http://mirror.example/a bookworm contrib\n");
        File.WriteAllText(Path.Combine(apt, "c.list.disabled"), "deb http://mirror.example/c bookworm main\n");
        File.WriteAllText(Path.Combine(apt, "d.sources.save"), "not even deb822\n");

        var sources = AptSourcesReader.ReadRoot(sandbox.Parent);

        Assert.Equal(
            ["http://mirror.example/debian", "http://mirror.example/a", "http://mirror.example/b"],
            sources.Select(s => s.Uri.ToString().TrimEnd('/')));
        Assert.EndsWith(Path.Combine("sources.list.d", "a.list") + ":1", sources[1].Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRoot_of_a_root_without_apt_is_empty()
    {
        using var sandbox = new Sandbox();

        Assert.Empty(AptSourcesReader.ReadRoot(sandbox.Parent));
    }

    [Fact]
    public void The_host_apt_configuration_reads_when_present()
    {
        if (!Directory.Exists("/etc/apt"))
        {
            Assert.Skip("'/etc/apt' is absent: the host does not use apt");
        }

        var sources = AptSourcesReader.ReadRoot();

        Assert.All(sources, s => Assert.True(s.Uri.IsAbsoluteUri));
        Assert.All(sources, s => Assert.Contains(':', s.Origin));
    }
}
