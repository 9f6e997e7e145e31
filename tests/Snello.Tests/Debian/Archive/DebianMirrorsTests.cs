using Snello.Debian.Archive;

namespace Snello.Tests.Debian.Archive;

/// <summary>Mirror discovery from an apt configuration written into a temporary root.</summary>
public sealed class DebianMirrorsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("snello-apt-").FullName;
    private readonly GpgKeys _keys = new();

    [Fact]
    public void ForSuite_takes_the_host_uris_and_puts_the_requested_suite_in_place_of_the_hosts()
    {
        WriteKeyring("usr/share/keyrings/debian-archive-keyring.gpg");
        Write("etc/apt/sources.list.d/debian.sources", """
            Types: deb
            URIs: http://mirror.example/debian
            Suites: bookworm bookworm-updates
            Components: main

            Types: deb
            URIs: http://security.example/debian-security
            Suites: bookworm-security
            Components: main
            """);

        var repositories = DebianMirrors.ForSuite("trixie", ["main"], security: true, mirror: null, _root);

        Assert.Equal(2, repositories.Count);
        Assert.Equal(("http://mirror.example/debian", "trixie", "trixie"),
            (repositories[0].Uri.ToString(), repositories[0].Suite, repositories[0].Name));
        Assert.Equal(("http://security.example/debian-security", "trixie-security"),
            (repositories[1].Uri.ToString(), repositories[1].Suite));
        Assert.EndsWith("debian-archive-keyring.gpg", repositories[0].Keyring.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void ForSuite_reads_the_keyring_named_by_Signed_By_and_guesses_the_security_uri()
    {
        WriteKeyring("etc/keys/own.gpg");
        Write("etc/apt/sources.list",
            "deb [signed-by=/etc/keys/own.gpg] http://mirror.example/debian bookworm main\n");

        var repositories = DebianMirrors.ForSuite("bookworm", ["main"], security: true, mirror: null, _root);

        Assert.EndsWith("etc/keys/own.gpg", repositories[0].Keyring.Name, StringComparison.Ordinal);
        Assert.Equal("http://mirror.example/debian-security", repositories[1].Uri.ToString());
    }

    [Fact]
    public void ForSuite_uses_an_explicit_mirror_without_any_sources()
    {
        WriteKeyring("usr/share/keyrings/debian-archive-keyring.gpg");

        var repositories = DebianMirrors.ForSuite("bookworm", ["main"], security: false,
            new Uri("http://local.example/debian"), _root);

        Assert.Equal("http://local.example/debian", Assert.Single(repositories).Uri.ToString());
    }

    [Fact]
    public void ForSuite_without_a_Debian_source_says_which_files_it_read_and_asks_for_a_mirror()
    {
        Write("etc/apt/sources.list", "deb http://other.example/apt cloud-sdk main\n");

        var e = Assert.Throws<DebianMirrorNotFoundException>(
            () => DebianMirrors.ForSuite("bookworm", ["main"], security: true, mirror: null, _root));

        Assert.Contains("sources.list", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("pass --mirror URI", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _keys.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private void WriteKeyring(string relative)
    {
        var target = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(_keys.Keyring.Name, target);
    }

    private void Write(string relative, string text)
    {
        var target = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
    }
}
