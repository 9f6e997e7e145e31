using System.Text;
using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Registry;

/// <summary>
/// Registries that need credentials or TLS: htpasswd Basic auth with <c>snello login</c> and <c>logout</c>,
/// https with a private CA in a certs folder, and token mode where the registry verifies signed tokens and
/// their scopes.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SecuredRegistryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Htpasswd(string folder, string user, string password)
    {
        var htpasswd = Components.RequireTool("htpasswd", "apache2-utils");
        var file = Path.Combine(folder, "htpasswd");
        ProcessRunner.Check(htpasswd, "-Bbc", file, user, password);
        return file;
    }

    [Fact]
    public async Task Login_checks_the_password_writes_the_docker_config_and_logout_removes_it()
    {
        var file = Htpasswd(_temp.Path, "alice", "wonderland");
        using var server = RegistryServer.Start($"auth:\n  htpasswd:\n    realm: snello-test\n    path: {file}\n");
        var env = new RegistryEnvironment(_temp);
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var config = Path.Combine(env.DockerConfigDir, "config.json");
        Directory.CreateDirectory(env.DockerConfigDir);
        File.WriteAllText(config, """{"auths":{"other.example":{"auth":"eDp5"}},"psFormat":"table"}""");

        var anonymous = env.Run("copy", seed, $"docker://{server.Host}/basic/app:v1");
        var wrong = env.RunWithStdin("nope\n", "login", server.Host, "-u", "alice", "--password-stdin");
        var afterWrong = File.ReadAllText(config);
        env.RunWithStdin("wonderland\n", "login", server.Host, "-u", "alice", "--password-stdin");
        var saved = JsonDocument.Parse(File.ReadAllText(config)).RootElement;
        env.Check("copy", seed, $"docker://{server.Host}/basic/app:v1");
        var digest = env.Check("digest", $"{server.Host}/basic/app:v1").Stdout.Trim();
        env.Check("logout", server.Host);
        var afterLogout = JsonDocument.Parse(File.ReadAllText(config)).RootElement;
        var loggedOut = env.Run("digest", $"{server.Host}/basic/app:v1");

        Assert.Equal(5, anonymous.ExitCode);
        Assert.Contains("[unauthorized]", anonymous.Stderr, StringComparison.Ordinal);
        Assert.Equal(5, wrong.ExitCode);
        Assert.Contains("[unauthorized]", wrong.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Host, afterWrong, StringComparison.Ordinal);
        var auth = saved.GetProperty("auths").GetProperty(server.Host).GetProperty("auth").GetString()!;
        Assert.Equal("alice:wonderland", Encoding.UTF8.GetString(Convert.FromBase64String(auth)));
        Assert.Equal("table", saved.GetProperty("psFormat").GetString());
        Assert.True(saved.GetProperty("auths").TryGetProperty("other.example", out _));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        Assert.StartsWith("sha256:", digest, StringComparison.Ordinal);
        Assert.False(afterLogout.GetProperty("auths").TryGetProperty(server.Host, out _));
        Assert.True(afterLogout.GetProperty("auths").TryGetProperty("other.example", out _));
        Assert.Equal(5, loggedOut.ExitCode);
    }

    [Fact]
    public async Task Https_with_a_private_ca_works_once_the_ca_is_in_a_certs_folder()
    {
        var certs = TestCertificates.Create(_temp["tls"]);
        using var server = RegistryServer.Start(tls: (certs.ServerCertificate, certs.ServerKey));
        var env = new RegistryEnvironment(_temp);
        var certsD = _temp["certs.d"];
        env.Extra["SNELLO_CERTS_D"] = certsD;
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);

        // The empty folder for the host tells snello the loopback registry speaks TLS; without the CA the
        // handshake fails.
        Directory.CreateDirectory(Path.Combine(certsD, server.Host));
        var untrusted = env.Run("copy", seed, $"docker://{server.Host}/tls/app:v1");
        File.Copy(certs.CaCertificate, Path.Combine(certsD, server.Host, "ca.crt"));
        env.Check("copy", seed, $"docker://{server.Host}/tls/app:v1");
        env.Check("copy", $"docker://{server.Host}/tls/app:v1", $"oci:{_temp["back"]}:v1");

        Assert.Equal(5, untrusted.ExitCode);
        Assert.Contains("TLS", untrusted.Stderr, StringComparison.Ordinal);
        Assert.Equal(env.Check("digest", seed).Stdout, env.Check("digest", $"oci:{_temp["back"]}:v1").Stdout);
        Assert.Contains("\"GET /v2/tls/app/manifests/v1 HTTP/", server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_mode_grants_what_each_scope_allows_and_reuses_tokens()
    {
        using var tokens = new TokenServer(_temp.Path);
        using var server = RegistryServer.Start(tokens.RegistryConfig);
        var env = new RegistryEnvironment(_temp);
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);

        var anonymous = env.Run("copy", seed, $"docker://{server.Host}/token/app:v1");
        env.RunWithStdin(TokenServer.Password, "login", server.Host, "-u", "writer", "--password-stdin");
        var beforePush = tokens.Requests;
        env.Check("copy", seed, $"docker://{server.Host}/token/app:v1");
        var pushTokens = tokens.Requests - beforePush;
        env.RunWithStdin(TokenServer.Password, "login", server.Host, "-u", "reader", "--password-stdin");
        var pulled = env.Run("copy", $"docker://{server.Host}/token/app:v1", $"oci:{_temp["back"]}:v1");
        var readerPush = env.Run("copy", seed, $"docker://{server.Host}/token/other:v1");
        var badLogin = env.RunWithStdin("wrong", "login", server.Host, "-u", "writer", "--password-stdin");

        Assert.Equal(5, anonymous.ExitCode);
        Assert.Contains("[unauthorized]", anonymous.Stderr, StringComparison.Ordinal);
        Assert.InRange(pushTokens, 1, 2);
        Assert.True(pulled.ExitCode == 0, pulled.ToString());
        Assert.Equal(env.Check("digest", seed).Stdout, env.Check("digest", $"oci:{_temp["back"]}:v1").Stdout);
        Assert.Equal(5, readerPush.ExitCode);
        Assert.Contains("[unauthorized]", readerPush.Stderr, StringComparison.Ordinal);
        Assert.Equal(5, badLogin.ExitCode);
        Assert.Contains("refused user 'writer'", badLogin.Stderr, StringComparison.Ordinal);
    }
}
