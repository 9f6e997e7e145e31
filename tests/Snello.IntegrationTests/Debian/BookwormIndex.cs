using Snello.Debian.Archive;
using Snello.Debian.Packages;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Debian;

/// <summary>
/// The real bookworm main and bookworm-security indexes for amd64, fetched once per test run from the
/// mirrors the host's apt sources name, with the InRelease signature checked against the host's keyring.
/// </summary>
public static class BookwormIndex
{
    public const string Architecture = "amd64";

    private const string DefaultKeyring = "/usr/share/keyrings/debian-archive-keyring.gpg";

    private static readonly Lazy<Task<IReadOnlyList<PackageRecord>?>> Records = new(LoadAsync);

    private static string? _failure;

    /// <summary>Names the suites in messages.</summary>
    public static string Name => "bookworm main, bookworm-security main";

    /// <summary>The records of both suites, main first; skips (fails under CI=true) when unreachable.</summary>
    public static async Task<IReadOnlyList<PackageRecord>> RequireAsync()
    {
        var records = await Records.Value;
        if (records is null)
        {
            Missing(_failure ?? "no bookworm index");
        }

        return records!;
    }

    private static async Task<IReadOnlyList<PackageRecord>?> LoadAsync()
    {
        var sources = AptSourcesReader.ReadRoot("/")
            .Where(s => s.IsBinary && s.Enabled && s.Components.Contains("main"))
            .ToList();
        var main = sources.FirstOrDefault(s => s.Suite == "bookworm");
        var security = sources.FirstOrDefault(s => s.Suite == "bookworm-security");
        if (main is null || security is null)
        {
            _failure = "the host's apt sources list no bookworm and bookworm-security suites with 'main'";
            return null;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            var records = new List<PackageRecord>();
            records.AddRange(await FetchAsync(http, main));
            records.AddRange(await FetchAsync(http, security));
            return records;
        }
        catch (HttpRequestException e)
        {
            _failure = $"the mirror cannot be reached: {e.Message}";
            return null;
        }
        catch (TaskCanceledException e)
        {
            _failure = $"the mirror did not answer in time: {e.Message}";
            return null;
        }
    }

    private static async Task<IReadOnlyList<PackageRecord>> FetchAsync(HttpClient http, AptSource source)
    {
        var root = source.Uri.ToString().TrimEnd('/');
        var inReleaseUri = $"{root}/dists/{source.Suite}/InRelease";
        var keyringPath = source.SignedBy is { } signedBy && File.Exists(signedBy) ? signedBy : DefaultKeyring;
        var keyring = ArchiveKeyring.Load(keyringPath);
        var verified = InReleaseVerifier.Verify(
            await http.GetStringAsync(new Uri(inReleaseUri)), keyring, inReleaseUri, DateTimeOffset.UtcNow);
        var release = ReleaseFile.Parse(verified.Text, inReleaseUri);

        var path = $"main/binary-{Architecture}/Packages.xz";
        var content = await http.GetByteArrayAsync(new Uri($"{root}/dists/{source.Suite}/{path}"));
        return PackagesIndex.Load(content, path, release);
    }

    private static void Missing(string why)
    {
        if (Components.InCi)
        {
            Assert.Fail($"required component missing under CI=true: {why}");
        }

        Assert.Skip(why);
    }
}
