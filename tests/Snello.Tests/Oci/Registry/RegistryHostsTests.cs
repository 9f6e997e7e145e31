using Snello.Oci.Registry;

namespace Snello.Tests.Oci.Registry;

public sealed class RegistryHostsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "snello-certs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("app.localhost:80", true)]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("127.3.4.5", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("docker.io", false)]
    [InlineData("10.0.0.1:5000", false)]
    [InlineData("localhost.example.com", false)]
    public void IsLoopback_knows_this_machines_names(string registry, bool loopback)
    {
        Assert.Equal(loopback, RegistryHosts.IsLoopback(registry));
    }

    [Fact]
    public void SchemeFor_is_http_for_loopback_without_a_ca_folder_and_https_with_one()
    {
        Assert.Equal("http", RegistryHosts.SchemeFor("127.0.0.1:5000", false, [_root]));
        Assert.Equal("https", RegistryHosts.SchemeFor("ghcr.io", false, [_root]));
        Assert.Equal("http", RegistryHosts.SchemeFor("ghcr.io", true, [_root]));

        Directory.CreateDirectory(Path.Combine(_root, "127.0.0.1:5000"));
        Assert.Equal("https", RegistryHosts.SchemeFor("127.0.0.1:5000", false, [_root]));
    }

    [Fact]
    public void CertificateFolders_finds_host_and_port_then_host_alone()
    {
        Directory.CreateDirectory(Path.Combine(_root, "registry.example:5000"));
        Directory.CreateDirectory(Path.Combine(_root, "registry.example"));

        Assert.Equal([Path.Combine(_root, "registry.example:5000"), Path.Combine(_root, "registry.example")],
            RegistryHosts.CertificateFolders("registry.example:5000", [_root]));
        Assert.Empty(RegistryHosts.CertificateFolders("other.example", [_root]));
    }

    [Theory]
    [InlineData("registry.example:5000", "registry.example")]
    [InlineData("[::1]:5000", "[::1]")]
    [InlineData("docker.io", "docker.io")]
    public void HostOf_drops_the_port(string registry, string host)
    {
        Assert.Equal(host, RegistryHosts.HostOf(registry));
    }
}
