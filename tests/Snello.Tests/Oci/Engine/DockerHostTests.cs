using Snello.Oci.Engine;

namespace Snello.Tests.Oci.Engine;

public sealed class DockerHostTests
{
    [Fact]
    public void FromEnvironmentVariables_defaults_to_the_docker_socket_when_docker_host_is_unset()
    {
        var host = DockerHost.FromEnvironmentVariables(_ => null);
        Assert.Equal("/var/run/docker.sock", host.SocketPath);
        Assert.False(host.FromEnvironment);
        Assert.Contains("DOCKER_HOST is unset", host.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironmentVariables_treats_an_empty_docker_host_as_unset()
    {
        var host = DockerHost.FromEnvironmentVariables(name => name == "DOCKER_HOST" ? "" : null);
        Assert.Equal(DockerHost.Default, host);
    }

    [Fact]
    public void FromEnvironmentVariables_reads_docker_host_and_names_it_in_descriptions()
    {
        var host = DockerHost.FromEnvironmentVariables(
            name => name == "DOCKER_HOST" ? "unix:///run/snello-docker.sock" : null);
        Assert.Equal("/run/snello-docker.sock", host.SocketPath);
        Assert.True(host.FromEnvironment);
        Assert.Equal("'unix:///run/snello-docker.sock' (from DOCKER_HOST)", host.Describe());
    }

    [Fact]
    public void FromEnvironmentVariables_refuses_tls_verification_it_cannot_do()
    {
        var e = Assert.Throws<FormatException>(() => DockerHost.FromEnvironmentVariables(
            name => name switch { "DOCKER_HOST" => "tcp://10.0.0.1:2376", "DOCKER_TLS_VERIFY" => "1", _ => null }));
        Assert.Contains("DOCKER_TLS_VERIFY", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2375", "http://127.0.0.1:2375/")]
    [InlineData("tcp://engine.example:4243/", "http://engine.example:4243/")]
    [InlineData("http://localhost:2375", "http://localhost:2375/")]
    [InlineData("tcp://10.1.2.3", "http://10.1.2.3:2375/")]
    [InlineData("tcp://[::1]:2375", "http://[::1]:2375/")]
    public void Parse_speaks_plain_http_to_tcp_hosts(string text, string address)
    {
        var host = DockerHost.Parse(text);
        Assert.Null(host.SocketPath);
        Assert.Equal(new Uri(address), host.BaseAddress);
        Assert.Equal(text, host.ToString());
    }

    [Theory]
    [InlineData("unix://relative.sock", "absolute path")]
    [InlineData("unix://", "absolute path")]
    [InlineData("ssh://me@engine", "scheme 'ssh://' is not supported")]
    [InlineData("npipe:////./pipe/docker_engine", "scheme 'npipe://' is not supported")]
    [InlineData("/var/run/docker.sock", "it has no scheme")]
    [InlineData("tcp://", "HOST:PORT")]
    [InlineData("tcp://host:2375/path", "HOST:PORT")]
    public void Parse_rejects_unsupported_values_quoting_them(string text, string why)
    {
        var e = Assert.Throws<FormatException>(() => DockerHost.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.Contains("expected unix:///PATH", e.Message, StringComparison.Ordinal);
    }
}
