namespace Snello.IntegrationTests.Infrastructure;

/// <summary>Runs the snello command as a user would, as a separate process, with its own cache.</summary>
public static class SnelloCli
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "snello.dll");

    public static ProcessRunner.Result Run(params string[] arguments) => RunIn(null, arguments);

    public static ProcessRunner.Result RunIn(string? cacheDir, params string[] arguments) =>
        RunWith(cacheDir, new Dictionary<string, string>(), arguments);

    /// <summary>Runs snello with extra environment variables, such as DOCKER_HOST for the test engine.</summary>
    public static ProcessRunner.Result RunWith(string? cacheDir, IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var args = new List<string> { Dll };
        args.AddRange(arguments);
        var env = new Dictionary<string, string> { ["NO_COLOR"] = "1" };
        if (cacheDir is not null)
        {
            env["XDG_CACHE_HOME"] = cacheDir;
        }
        else
        {
            env["XDG_CACHE_HOME"] = Path.Combine(Path.GetTempPath(), "snello-it-cache");
        }

        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }

        return ProcessRunner.Run("dotnet", args, environment: env);
    }

    /// <summary>Runs snello with extra environment variables and, optionally, text on stdin.</summary>
    public static ProcessRunner.Result RunWith(IDictionary<string, string> environment, string? stdin,
        params string[] arguments)
    {
        var env = new Dictionary<string, string>(environment) { ["NO_COLOR"] = "1" };
        env.TryAdd("XDG_CACHE_HOME", Path.Combine(Path.GetTempPath(), "snello-it-cache"));
        using var input = stdin is null ? null : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin));
        return ProcessRunner.Run("dotnet", [Dll, .. arguments], environment: env, stdin: input);
    }

    public static ProcessRunner.Result Check(params string[] arguments)
    {
        var result = Run(arguments);
        Assert.True(result.ExitCode == 0, $"snello {string.Join(' ', arguments)} failed: {result}");
        return result;
    }
}
