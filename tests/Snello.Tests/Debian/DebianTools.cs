using System.Diagnostics;

namespace Snello.Tests.Debian;

/// <summary>Runs the Debian tools the tests check against (dpkg, dpkg-deb, gpg) as processes.</summary>
internal static class DebianTools
{
    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);

    /// <summary>The full path of a program, or skips the test (fails under CI=true) when it is not installed.</summary>
    public static string Require(string program, string package)
    {
        var path = Find(program);
        if (path is null)
        {
            Conformance.Unavailable($"'{program}' is not installed (Debian package {package})");
        }

        return path!;
    }

    /// <summary>Runs a program to its end and returns its exit code and output.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(
        string program, IEnumerable<string> arguments, string? stdin = null,
        IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"could not start '{program}'");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
