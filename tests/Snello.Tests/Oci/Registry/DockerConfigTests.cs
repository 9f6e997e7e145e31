using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using Snello.Oci.Registry;

namespace Snello.Tests.Oci.Registry;

[SupportedOSPlatform("linux")]
public sealed class DockerConfigTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "snello-dockercfg-" + Guid.NewGuid().ToString("N"));

    public DockerConfigTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ConfigPath => Path.Combine(_dir, "config.json");

    private DockerConfig Config(string json)
    {
        File.WriteAllText(ConfigPath, json);
        return new DockerConfig(ConfigPath, helperSearchPath: _dir);
    }

    private static string Auth(string user, string password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    // A credential helper that answers 'get' for one server and records what 'store' and 'erase' receive.
    private void Helper(string name, string server, string user, string secret)
    {
        var path = Path.Combine(_dir, "docker-credential-" + name);
        File.WriteAllText(path, $$"""
            #!/bin/sh
            input=$(cat)
            case "$1" in
              get) if [ "$input" = "{{server}}" ]; then
                     printf '{"ServerURL":"%s","Username":"{{user}}","Secret":"{{secret}}"}' "$input"
                   else echo "credentials not found in native keychain"; exit 1; fi ;;
              store) printf '%s' "$input" > "{{_dir}}/{{name}}.stored" ;;
              erase) printf '%s' "$input" > "{{_dir}}/{{name}}.erased" ;;
            esac
            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task GetAsync_decodes_the_base64_auth_of_the_registrys_entry()
    {
        var config = Config($$$$"""{"auths":{"registry.example:5000":{"auth":"{{{{Auth("alice", "pa:ss")}}}}"}}}""");

        var credential = await config.GetAsync("registry.example:5000", TestContext.Current.CancellationToken);

        Assert.Equal(new RegistryCredential("alice", "pa:ss"), credential);
        Assert.Null(await config.GetAsync("other.example", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAsync_matches_keys_written_as_urls_and_folds_docker_hub_names()
    {
        var config = Config($$$$"""
            {"auths":{
              "https://index.docker.io/v1/":{"auth":"{{{{Auth("hub", "h")}}}}"},
              "https://registry.example/v2/":{"username":"u","password":"p"}}}
            """);

        var hub = await config.GetAsync("docker.io", TestContext.Current.CancellationToken);
        var other = await config.GetAsync("registry.example", TestContext.Current.CancellationToken);

        Assert.Equal(new RegistryCredential("hub", "h"), hub);
        Assert.Equal(new RegistryCredential("u", "p"), other);
    }

    [Fact]
    public async Task GetAsync_asks_the_registrys_credential_helper_before_the_store_and_auths()
    {
        Helper("special", "registry.example", "from-special", "s1");
        Helper("store", "registry.example", "from-store", "s2");
        var config = Config($$$$"""
            {"credsStore":"store","credHelpers":{"registry.example":"special"},
             "auths":{"registry.example":{"auth":"{{{{Auth("from-file", "f")}}}}"}}}
            """);

        var credential = await config.GetAsync("registry.example", TestContext.Current.CancellationToken);

        Assert.Equal(new RegistryCredential("from-special", "s1"), credential);
    }

    [Fact]
    public async Task GetAsync_falls_back_to_auths_when_the_store_has_no_entry()
    {
        Helper("store", "elsewhere.example", "x", "y");
        var config = Config($$$$"""
            {"credsStore":"store","auths":{"registry.example":{"auth":"{{{{Auth("from-file", "f")}}}}"}}}
            """);

        var credential = await config.GetAsync("registry.example", TestContext.Current.CancellationToken);

        Assert.Equal(new RegistryCredential("from-file", "f"), credential);
    }

    [Fact]
    public async Task GetAsync_names_a_missing_helper()
    {
        var config = Config("""{"credsStore":"absent"}""");

        var e = await Assert.ThrowsAsync<CredentialHelperException>(() =>
            config.GetAsync("registry.example", TestContext.Current.CancellationToken));

        Assert.Contains("'docker-credential-absent'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_refuses_an_auth_that_is_not_base64_and_names_the_entry()
    {
        var config = Config("""{"auths":{"registry.example":{"auth":"%%%"}}}""");

        var e = await Assert.ThrowsAsync<FormatException>(() =>
            config.GetAsync("registry.example", TestContext.Current.CancellationToken));

        Assert.Contains("'registry.example'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_keeps_other_entries_and_settings_and_writes_mode_0600()
    {
        var config = Config("""{"auths":{"keep.example":{"auth":"eDp5"}},"psFormat":"table"}""");

        await config.SaveAsync("registry.example:5000", new RegistryCredential("bob", "secret"),
            TestContext.Current.CancellationToken);

        var root = JsonDocument.Parse(File.ReadAllText(ConfigPath)).RootElement;
        Assert.Equal(Auth("bob", "secret"),
            root.GetProperty("auths").GetProperty("registry.example:5000").GetProperty("auth").GetString());
        Assert.Equal("eDp5", root.GetProperty("auths").GetProperty("keep.example").GetProperty("auth").GetString());
        Assert.Equal("table", root.GetProperty("psFormat").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        Assert.Equal(new RegistryCredential("bob", "secret"),
            await config.GetAsync("registry.example:5000", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SaveAsync_writes_docker_hub_under_its_v1_key_and_creates_the_file()
    {
        File.Delete(ConfigPath);
        var config = new DockerConfig(Path.Combine(_dir, "new", "config.json"));

        await config.SaveAsync("docker.io", new RegistryCredential("hub", "pw"), TestContext.Current.CancellationToken);

        var root = JsonDocument.Parse(File.ReadAllText(config.Path)).RootElement;
        Assert.True(root.GetProperty("auths").TryGetProperty(DockerConfig.DockerHubKey, out _));
    }

    [Fact]
    public async Task SaveAsync_and_RemoveAsync_go_through_the_credential_store_when_one_is_set()
    {
        Helper("store", "none", "x", "y");
        var config = Config("""{"credsStore":"store"}""");

        await config.SaveAsync("registry.example", new RegistryCredential("carol", "pw"),
            TestContext.Current.CancellationToken);
        var stored = File.ReadAllText(Path.Combine(_dir, "store.stored"));
        var file = File.ReadAllText(ConfigPath);
        var removed = await config.RemoveAsync("registry.example", TestContext.Current.CancellationToken);

        Assert.Contains("\"Username\":\"carol\"", stored, StringComparison.Ordinal);
        Assert.Contains("\"Secret\":\"pw\"", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", file, StringComparison.Ordinal);
        Assert.True(removed);
        Assert.Equal("registry.example", File.ReadAllText(Path.Combine(_dir, "store.erased")));
    }

    [Fact]
    public async Task RemoveAsync_drops_every_key_for_the_registry_and_reports_when_there_was_none()
    {
        var config = Config($$$$"""
            {"auths":{"https://registry.example":{"auth":"{{{{Auth("a", "b")}}}}"},
              "registry.example":{},"k.example":{}}}
            """);

        var removed = await config.RemoveAsync("registry.example", TestContext.Current.CancellationToken);
        var again = await config.RemoveAsync("registry.example", TestContext.Current.CancellationToken);

        var auths = JsonDocument.Parse(File.ReadAllText(ConfigPath)).RootElement.GetProperty("auths");
        Assert.True(removed);
        Assert.False(again);
        Assert.Equal(["k.example"], auths.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("https://index.docker.io/v1/", "docker.io")]
    [InlineData("registry-1.docker.io", "docker.io")]
    [InlineData("http://Registry.Example:5000/v2/", "registry.example:5000")]
    [InlineData("127.0.0.1:5000", "127.0.0.1:5000")]
    public void Normalize_reduces_keys_to_the_registry(string key, string registry)
    {
        Assert.Equal(registry, DockerConfig.Normalize(key));
    }
}
