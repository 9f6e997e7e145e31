using System.Diagnostics;

namespace Snello.IntegrationTests.Support;

/// <summary>Runs a real program found on PATH; a test skips when it is missing, except under CI=true.</summary>
public static class Tool
{
    public static string Require(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"'{name}' is not installed; CI needs it");
        }

        Assert.Skip($"'{name}' is not installed");
        return name;
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TZ"] = "UTC";
        start.Environment["LC_ALL"] = "C";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
