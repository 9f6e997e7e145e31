using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Registry;

/// <summary>
/// The environment a registry test runs snello in: its own Docker config folder and blob cache, so nothing
/// from the machine's ~/.docker leaks in, plus any extra variables.
/// </summary>
public sealed class RegistryEnvironment(TempDirectory temp)
{
    public string DockerConfigDir { get; } = Path.Combine(temp.Path, "docker-config");

    public string CacheHome { get; set; } = Path.Combine(temp.Path, "cache");

    public Dictionary<string, string> Extra { get; } = [];

    public Dictionary<string, string> Variables()
    {
        var env = new Dictionary<string, string>(Extra)
        {
            ["DOCKER_CONFIG"] = DockerConfigDir,
            ["XDG_CACHE_HOME"] = CacheHome,
        };
        return env;
    }

    public ProcessRunner.Result Run(params string[] arguments) => SnelloCli.RunWith(Variables(), null, arguments);

    public ProcessRunner.Result RunWithStdin(string stdin, params string[] arguments) =>
        SnelloCli.RunWith(Variables(), stdin, arguments);

    public ProcessRunner.Result Check(params string[] arguments)
    {
        var result = Run(arguments);
        Assert.True(result.ExitCode == 0, $"snello {string.Join(' ', arguments)} failed: {result}");
        return result;
    }
}
