using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Snello.Debian.Archive;

namespace Snello.Tests.Debian.Archive;

/// <summary>The archive client over an in-test HTTP handler serving a signed suite from memory.</summary>
public sealed class DebianArchiveClientTests : IDisposable
{
    private static readonly Uri Root = new("http://archive.test/debian/");
    private readonly GpgKeys _keys = new();
    private readonly string _cache = Directory.CreateTempSubdirectory("snello-archive-").FullName;
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<string> _requests = [];
    private readonly byte[] _deb = Encoding.ASCII.GetBytes("!<arch>\nnot really a deb\n");

    public DebianArchiveClientTests()
    {
        const string Packages = """
            Package: mawk
            Version: 1.3.4-1
            Architecture: amd64
            Provides: awk
            Filename: pool/main/m/mawk/mawk_1.3.4-1_amd64.deb

            Package: gawk
            Version: 1:5.2.1-2
            Architecture: amd64
            Provides: awk,
             gawk-ext (= 1)
            Filename: pool/main/g/gawk/gawk_5.2.1-2_amd64.deb

            Package: mawk
            Version: 1.3.4-2
            Architecture: amd64
            Filename: pool/main/m/mawk/mawk_1.3.4-2_amd64.deb

            """;
        var gz = new MemoryStream();
        using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(Packages));
        }

        _files["dists/bookworm/main/binary-amd64/Packages.gz"] = gz.ToArray();
        _files["pool/main/m/mawk/mawk_1.3.4-1_amd64.deb"] = _deb;
        var release = "Suite: stable\nCodename: bookworm\nDate: Sat, 10 Aug 2024 09:16:41 UTC\n"
            + "Architectures: amd64\nComponents: main\nSHA256:\n"
            + Line("main/binary-amd64/Packages", Encoding.UTF8.GetBytes(Packages))
            + Line("main/binary-amd64/Packages.gz", gz.ToArray());
        if (_keys.Home.Length > 0)
        {
            _files["dists/bookworm/InRelease"] = Encoding.UTF8.GetBytes(_keys.ClearSign(release, GpgKeys.Good));
        }
    }

    private static DateTimeOffset Now => new(2024, 8, 11, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LoadIndexAsync_finds_packages_by_name_and_by_provided_name_across_folded_lines()
    {
        var index = await Client().LoadIndexAsync(Repository(), "amd64", Now, default);

        Assert.Equal(3, index.Packages.Count);
        Assert.Equal(["1.3.4-1", "1.3.4-2"], index.Named("mawk").Select(r => r.Version.ToString()));
        Assert.Equal(["mawk", "gawk"], index.Providing("awk").Select(r => r.Package));
        Assert.Equal("gawk", Assert.Single(index.Providing("gawk-ext")).Package);
        Assert.Empty(index.Named("nawk"));
        Assert.Equal(new DateTimeOffset(2024, 8, 10, 9, 16, 41, TimeSpan.Zero), index.Date);
    }

    [Fact]
    public async Task A_second_load_reads_the_cached_index_and_offline_needs_no_network_at_all()
    {
        await Client().LoadIndexAsync(Repository(), "amd64", Now, default);
        _files.Remove("dists/bookworm/main/binary-amd64/Packages.gz");
        _requests.Clear();

        var again = await Client().LoadIndexAsync(Repository(), "amd64", Now, default);
        Assert.Equal(["http://archive.test/debian/dists/bookworm/InRelease"], _requests);
        Assert.Equal(3, again.Packages.Count);

        _requests.Clear();
        var offline = new DebianArchiveClient(new HttpClient(new Handler(this)), _cache) { Offline = true };
        Assert.Equal(3, (await offline.LoadIndexAsync(Repository(), "amd64", Now, default)).Packages.Count);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task Offline_without_a_cached_InRelease_is_unreachable()
    {
        var offline = new DebianArchiveClient(new HttpClient(new Handler(this)), _cache) { Offline = true };

        var e = await Assert.ThrowsAsync<ArchiveUnreachableException>(
            () => offline.LoadIndexAsync(Repository(), "amd64", Now, default));

        Assert.Contains("offline", e.Message, StringComparison.Ordinal);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task FetchDebAsync_reuses_a_cached_deb_without_network_and_replaces_a_corrupt_one()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(_deb));
        const string Filename = "pool/main/m/mawk/mawk_1.3.4-1_amd64.deb";
        var path = await Client().FetchDebAsync(Repository(), Filename, sha, _deb.Length, default);
        Assert.Equal(_deb, await File.ReadAllBytesAsync(path));

        _requests.Clear();
        Assert.Equal(path, await Client().FetchDebAsync(Repository(), Filename, sha, _deb.Length, default));
        Assert.Empty(_requests);

        await File.WriteAllTextAsync(path, "spoiled");
        Assert.Equal(path, await Client().FetchDebAsync(Repository(), Filename, sha, _deb.Length, default));
        Assert.Equal(_deb, await File.ReadAllBytesAsync(path));
        Assert.Single(_requests);
    }

    [Fact]
    public async Task FetchDebAsync_refuses_a_path_that_climbs_out_of_the_archive()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Client().FetchDebAsync(
            Repository(), "../../etc/passwd", new string('a', 64), null, default));

        Assert.Contains("'../../etc/passwd'", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _keys.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    private static string Line(string path, byte[] content) => string.Create(CultureInfo.InvariantCulture,
        $" {Convert.ToHexStringLower(SHA256.HashData(content))} {content.Length} {path}\n");

    private DebianArchiveClient Client() => new(new HttpClient(new Handler(this)), _cache);

    private DebianRepository Repository() => new(Root, "bookworm", ["main"], _keys.Keyring, "bookworm");

    private sealed class Handler(DebianArchiveClientTests owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.ToString();
            owner._requests.Add(uri);
            var relative = uri[Root.ToString().Length..];
            return Task.FromResult(owner._files.TryGetValue(relative, out var content)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(content) }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
