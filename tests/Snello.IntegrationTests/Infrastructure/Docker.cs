namespace Snello.IntegrationTests.Infrastructure;

/// <summary>The docker client against the engine scripts/test.sh started.</summary>
public static class Docker
{
    public static ProcessRunner.Result Run(params string[] arguments)
    {
        var host = Components.RequireDockerEngine();
        var docker = Components.RequireTool("docker", "docker.io");
        return ProcessRunner.Run(docker, ["-H", host, .. arguments], timeout: TimeSpan.FromMinutes(5));
    }

    public static ProcessRunner.Result Check(params string[] arguments)
    {
        var result = Run(arguments);
        Assert.True(result.ExitCode == 0, $"docker {string.Join(' ', arguments)} failed: {result}");
        return result;
    }
}
