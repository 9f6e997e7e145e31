using System.Security.Cryptography;
using Snello.Debian.Archive;
using Snello.Debian.Packages;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Debian;

/// <summary>
/// The archive client against a local signed repository made by dpkg-scanpackages, apt-ftparchive and gpg,
/// served over real HTTP: a sound repository loads, and each spoiled file is refused with nothing cached.
/// </summary>
public sealed class ArchiveFaultTests : IDisposable
{
    private static readonly (string, string)[] Packages = [("hello-snello", "1.0-1"), ("other-snello", "2.3")];

    private readonly LocalDebianRepository _repository = LocalDebianRepository.Create(Packages);
    private readonly TempDirectory _cache = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private DebianArchiveClient Client => new(_http, _cache.Path);

    private DebianRepository Repository => new(_repository.Uri, _repository.Suite, ["main"],
        ArchiveKeyring.Load(_repository.KeyringPath), "local");

    [Fact]
    public async Task A_sound_repository_loads_and_its_deb_is_fetched_checked_and_reused()
    {
        var index = await Client.LoadIndexAsync(Repository, "amd64", DateTimeOffset.UtcNow, default);

        Assert.Equal(["hello-snello", "other-snello"], index.Packages.Select(p => p.Package).Order());
        var hello = Assert.Single(index.Named("hello-snello"));
        var path = await Client.FetchDebAsync(Repository, hello.Filename!, hello.Sha256!, hello.Size, default);
        Assert.Equal(Path.Combine(_cache.Path, "debian", "sha256", hello.Sha256 + ".deb"), path);
        await using (var deb = File.OpenRead(path))
        {
            Assert.Equal("1.0-1", DebPackage.Read(deb, path).Control.Version.ToString());
        }

        // Once cached, neither the index nor the .deb needs the Packages file or the pool.
        _repository.RemoveDeb("hello-snello", "1.0-1");
        File.Delete(Path.Combine(_repository.SuiteFolder, "main", "binary-amd64", "Packages.gz"));
        var again = await Client.LoadIndexAsync(Repository, "amd64", DateTimeOffset.UtcNow, default);
        Assert.Equal(2, again.Packages.Count);
        Assert.Equal(path, await Client.FetchDebAsync(Repository, hello.Filename!, hello.Sha256!, hello.Size, default));
    }

    [Fact]
    public async Task A_tampered_InRelease_is_refused_as_a_bad_signature_and_not_cached()
    {
        _repository.TamperInRelease();

        var e = await Assert.ThrowsAsync<SignatureVerificationException>(
            () => Client.LoadIndexAsync(Repository, "amd64", DateTimeOffset.UtcNow, default));

        Assert.Contains("BAD signature", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"dists/{_repository.Suite}/InRelease", e.File, StringComparison.Ordinal);
        AssertCacheEmpty();
    }

    [Fact]
    public async Task A_tampered_Packages_index_is_refused_naming_the_file_and_both_hashes()
    {
        var listed = File.ReadAllLines(Path.Combine(_repository.SuiteFolder, "Release"))
            .SkipWhile(l => l != "SHA256:").First(l => l.EndsWith(" main/binary-amd64/Packages.gz",
                StringComparison.Ordinal)).Trim().Split(' ')[0];
        _repository.TamperPackages();

        var e = await Assert.ThrowsAsync<HashMismatchException>(
            () => Client.LoadIndexAsync(Repository, "amd64", DateTimeOffset.UtcNow, default));

        Assert.Equal("main/binary-amd64/Packages.gz", e.File);
        Assert.Equal(listed, e.Expected);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(PackagesGz))), e.Actual);
        Assert.Contains($"'{e.Actual}'", e.Message, StringComparison.Ordinal);
        Assert.Empty(Files("indexes"));
    }

    [Fact]
    public async Task A_tampered_deb_is_refused_naming_the_file_and_both_hashes_and_not_cached()
    {
        var index = await Client.LoadIndexAsync(Repository, "amd64", DateTimeOffset.UtcNow, default);
        var hello = Assert.Single(index.Named("hello-snello"));
        _repository.TamperDeb("hello-snello", "1.0-1");

        var e = await Assert.ThrowsAsync<HashMismatchException>(
            () => Client.FetchDebAsync(Repository, hello.Filename!, hello.Sha256!, hello.Size, default));

        Assert.EndsWith(hello.Filename!, e.File, StringComparison.Ordinal);
        Assert.Equal(hello.Sha256, e.Expected);
        Assert.NotEqual(hello.Sha256, e.Actual);
        Assert.Empty(Files("sha256"));
    }

    [Fact]
    public async Task An_expired_Valid_Until_is_refused()
    {
        _repository.Sign(validUntil: DateTimeOffset.UtcNow.AddDays(-1), unknownKey: false);

        var e = await Assert.ThrowsAsync<ReleaseFormatException>(
            () => Client.LoadIndexAsync(Repository, "amd64", DateTimeOffset.UtcNow, default));

        Assert.Equal("Valid-Until", e.Field);
        Assert.Contains("has passed", e.Message, StringComparison.Ordinal);
        AssertCacheEmpty();
    }

    [Fact]
    public async Task A_future_Valid_Until_is_accepted()
    {
        _repository.Sign(validUntil: DateTimeOffset.UtcNow.AddDays(7), unknownKey: false);

        var index = await Client.LoadIndexAsync(Repository, "amd64", DateTimeOffset.UtcNow, default);

        Assert.Equal(2, index.Packages.Count);
    }

    [Fact]
    public async Task An_InRelease_signed_by_a_key_outside_the_keyring_is_refused()
    {
        _repository.Sign(validUntil: null, unknownKey: true);

        var e = await Assert.ThrowsAsync<SignatureVerificationException>(
            () => Client.LoadIndexAsync(Repository, "amd64", DateTimeOffset.UtcNow, default));

        Assert.Contains("is not in keyring", e.Message, StringComparison.Ordinal);
        AssertCacheEmpty();
    }

    [Fact]
    public async Task A_deb_gone_from_the_pool_is_reported_as_a_missing_pinned_package()
    {
        var index = await Client.LoadIndexAsync(Repository, "amd64", DateTimeOffset.UtcNow, default);
        var other = Assert.Single(index.Named("other-snello"));
        _repository.RemoveDeb("other-snello", "2.3");

        var e = await Assert.ThrowsAsync<PinnedPackageMissingException>(
            () => Client.FetchDebAsync(Repository, other.Filename!, other.Sha256!, other.Size, default));

        Assert.Equal(other.Filename, e.Filename);
        Assert.Equal("local", e.Repository);
        Assert.Empty(Files("sha256"));
    }

    [Fact]
    public async Task A_suite_the_mirror_lacks_is_reported_as_not_found()
    {
        var missing = Repository with { Suite = "nosuch" };

        var e = await Assert.ThrowsAsync<SuiteNotFoundException>(
            () => Client.LoadIndexAsync(missing, "amd64", DateTimeOffset.UtcNow, default));

        Assert.Contains("suite 'nosuch' does not exist", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _cache.Dispose();
        _repository.Dispose();
    }

    private string PackagesGz => Path.Combine(_repository.SuiteFolder, "main", "binary-amd64", "Packages.gz");

    private string[] Files(string folder)
    {
        var path = Path.Combine(_cache.Path, "debian", folder);
        return Directory.Exists(path) ? Directory.GetFiles(path) : [];
    }

    private void AssertCacheEmpty()
    {
        Assert.Empty(Files("releases"));
        Assert.Empty(Files("indexes"));
    }
}
