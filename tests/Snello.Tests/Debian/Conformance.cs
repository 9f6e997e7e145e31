using Snello.Tests.Cli;

namespace Snello.Tests.Debian;

/// <summary>Finds ../shared/conformance next to the repository, skipping (or failing under CI) without it.</summary>
internal static class Conformance
{
    public static string File(string relativePath)
    {
        var path = Path.GetFullPath(
            Path.Combine(ExitCodeTests.RepositoryRoot(), "..", "shared", "conformance", relativePath));
        if (!System.IO.File.Exists(path))
        {
            Unavailable($"conformance file '{path}' is absent (it lives next to the repository, not in it)");
        }

        return path;
    }

    /// <summary>Skips the test with a reason, or fails it under CI=true, where everything must be present.</summary>
    public static void Unavailable(string why)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(why);
        }

        Assert.Skip(why);
    }
}
