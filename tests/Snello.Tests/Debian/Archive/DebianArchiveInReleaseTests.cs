using Snello.Debian.Archive;

namespace Snello.Tests.Debian.Archive;

/// <summary>
/// The bookworm InRelease of the mirror the host's apt configuration names, verified against Debian's archive
/// keyring. Skipped when there is no such mirror or it does not answer (failed under CI=true).
/// </summary>
public sealed class DebianArchiveInReleaseTests
{
    private const string Keyring = "/usr/share/keyrings/debian-archive-keyring.gpg";

    [Fact]
    public async Task The_real_bookworm_InRelease_verifies_and_a_tampered_copy_does_not()
    {
        var (url, content) = await FetchAsync();
        if (!File.Exists(Keyring))
        {
            Conformance.Unavailable($"'{Keyring}' is absent (Debian package debian-archive-keyring)");
        }

        var keyring = ArchiveKeyring.Load(Keyring);
        var verified = InReleaseVerifier.Verify(content, keyring, url, DateTimeOffset.UtcNow);
        var release = ReleaseFile.Parse(verified.Text, url);
        release.CheckValidUntil(DateTimeOffset.UtcNow);

        Assert.True(keyring.Count > 1);
        Assert.Equal("bookworm", release.Codename);
        Assert.Contains("main", release.Components);
        Assert.Contains("amd64", release.Architectures);
        Assert.NotNull(release.Find("main/binary-amd64/Packages.xz"));
        Assert.True(release.Date > new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero));

        var tampered = content.Replace("Codename: bookworm", "Codename: bookwork", StringComparison.Ordinal);
        Assert.NotEqual(content, tampered);
        var e = Assert.Throws<SignatureVerificationException>(
            () => InReleaseVerifier.Verify(tampered, keyring, url, DateTimeOffset.UtcNow));
        Assert.Contains("BAD signature", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_bookworm_main_amd64_Packages_xz_matches_its_Release_and_parses()
    {
        var (url, content) = await FetchAsync();
        if (!File.Exists(Keyring))
        {
            Conformance.Unavailable($"'{Keyring}' is absent (Debian package debian-archive-keyring)");
        }

        var verified = InReleaseVerifier.Verify(content, ArchiveKeyring.Load(Keyring), url, DateTimeOffset.UtcNow);
        var release = ReleaseFile.Parse(verified.Text, url);
        const string Path = "main/binary-amd64/Packages.xz";
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var index = await http.GetByteArrayAsync(
            new Uri(url[..^"InRelease".Length] + Path), TestContext.Current.CancellationToken);

        var records = PackagesIndex.Load(index, Path, release);

        Assert.True(records.Count > 50_000, $"only {records.Count} packages");
        var libc = Assert.Single(records, r => r.Package == "libc6");
        Assert.Equal("glibc", libc.SourceName);
        Assert.NotEmpty(libc.Depends);
        Assert.Contains(records, r => r.Essential && r.Package == "base-files");
        Assert.All(records, r => Assert.Equal(64, r.Sha256?.Length));
    }

    private static async Task<(string Url, string Content)> FetchAsync()
    {
        var mirror = AptSourcesReader.ReadRoot().FirstOrDefault(s => s.IsBinary && s.Enabled
            && s.Suite == "bookworm" && s.Uri.Scheme is "http" or "https");
        if (mirror is null)
        {
            Conformance.Unavailable("the host's apt configuration names no http(s) mirror for bookworm");
        }

        var url = mirror!.Uri.ToString().TrimEnd('/') + "/dists/bookworm/InRelease";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            return (url, await http.GetStringAsync(new Uri(url), TestContext.Current.CancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Conformance.Unavailable($"the host's mirror does not answer for '{url}': {e.Message}");
            throw;
        }
    }
}
