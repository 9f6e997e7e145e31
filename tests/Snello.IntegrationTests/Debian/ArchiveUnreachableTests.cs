using System.Net;
using System.Net.Sockets;
using Snello.Debian.Archive;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Debian;

/// <summary>A mirror with nothing listening is unreachable (exit code 5), not a missing suite.</summary>
public sealed class ArchiveUnreachableTests
{
    [Fact]
    public async Task A_closed_port_is_reported_as_an_unreachable_archive()
    {
        using var repository = LocalDebianRepository.Create([("hello-snello", "1.0")]);
        using var cache = new TempDirectory();
        using var http = new HttpClient();
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var closed = new DebianRepository(new Uri($"http://127.0.0.1:{port}/debian"), "stable", ["main"],
            ArchiveKeyring.Load(repository.KeyringPath), "closed");

        var e = await Assert.ThrowsAsync<ArchiveUnreachableException>(() =>
            new DebianArchiveClient(http, cache.Path).LoadIndexAsync(closed, "amd64", DateTimeOffset.UtcNow, default));

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/debian/dists/stable/InRelease"), e.Uri);
        Assert.Contains("connection failed", e.Message, StringComparison.Ordinal);
    }
}
