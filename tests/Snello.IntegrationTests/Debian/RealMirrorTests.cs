using Snello.Debian.Archive;
using Snello.Debian.Packages;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Debian;

/// <summary>
/// The archive client against the mirror the host's apt configuration names: bookworm main and
/// bookworm-security load, verified, and a real .deb is fetched and reads. Skipped without a Debian source
/// or network (failed under CI=true).
/// </summary>
public sealed class RealMirrorTests
{
    [Fact]
    public async Task Bookworm_and_its_security_suite_load_from_the_host_mirror_and_base_files_is_fetched()
    {
        IReadOnlyList<DebianRepository> repositories;
        try
        {
            repositories = DebianMirrors.ForSuite("bookworm", ["main"], security: true, mirror: null);
        }
        catch (DebianMirrorNotFoundException e)
        {
            Skip(e.Message);
            return;
        }

        using var cache = new TempDirectory();
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var client = new DebianArchiveClient(http, cache.Path);
        RepositoryIndex main, security;
        try
        {
            main = await client.LoadIndexAsync(repositories[0], "amd64", DateTimeOffset.UtcNow, default);
            security = await client.LoadIndexAsync(repositories[1], "amd64", DateTimeOffset.UtcNow, default);
        }
        catch (ArchiveUnreachableException e)
        {
            Skip(e.Message);
            return;
        }

        Assert.Equal("bookworm-security", security.Repository.Suite);
        Assert.True(main.Packages.Count > 50_000, $"bookworm main holds {main.Packages.Count} packages");
        Assert.NotEmpty(security.Packages);
        Assert.Contains(main.Providing("awk"), r => r.Package == "mawk");

        var baseFiles = main.Named("base-files").Concat(security.Named("base-files"))
            .MaxBy(r => r.Version)!;
        var repository = main.Named("base-files").Contains(baseFiles) ? main.Repository : security.Repository;
        var path = await client.FetchDebAsync(repository, baseFiles.Filename!, baseFiles.Sha256!, baseFiles.Size,
            default);
        await using var deb = File.OpenRead(path);
        var package = DebPackage.Read(deb, path);
        Assert.Equal("base-files", package.Control.Package);
        Assert.Equal(baseFiles.Version, package.Control.Version);
    }

    private static void Skip(string why)
    {
        if (Components.InCi)
        {
            Assert.Fail($"the host's Debian mirror is required under CI=true: {why}");
        }

        Assert.Skip(why);
    }
}
