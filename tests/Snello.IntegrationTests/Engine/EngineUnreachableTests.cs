using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Engine;

/// <summary>An engine that is not there is exit code 5, and the message names DOCKER_HOST's value.</summary>
public sealed class EngineUnreachableTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_missing_socket_exits_5_naming_docker_host()
    {
        var host = $"unix://{_temp["no-engine.sock"]}";
        var result = Run(host, "inspect", "docker-daemon:app:1.0");
        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("[engine-unreachable]", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"'{host}' (from DOCKER_HOST)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_socket_nobody_listens_on_exits_5_as_refused()
    {
        var path = _temp["dead.sock"];
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix,
            System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);

        // Bound but not listening: the socket file exists and every connection to it is refused.
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        var result = Run($"unix://{path}", "copy", "docker-daemon:app:1.0", $"oci:{_temp["out"]}");
        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("refused", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_tcp_host_exits_5_naming_it()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var host = $"tcp://127.0.0.1:{port}";
        var result = Run(host, "digest", "docker-daemon:app:1.0");
        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains($"'{host}' (from DOCKER_HOST)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_docker_host_is_a_usage_error_quoting_it()
    {
        var result = Run("ssh://user@example", "inspect", "docker-daemon:app:1.0");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'ssh://user@example'", result.Stderr, StringComparison.Ordinal);
    }

    private ProcessRunner.Result Run(string host, params string[] arguments) =>
        SnelloCli.RunWith(_temp["cache"], new Dictionary<string, string> { ["DOCKER_HOST"] = host }, arguments);
}
