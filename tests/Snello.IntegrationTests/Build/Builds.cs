using System.Globalization;
using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Build;

/// <summary>
/// Running 'snello build' as a user does, against the Debian mirror of the host's apt sources, with one
/// package cache shared by the whole run (a test that needs an empty cache passes its own).
/// </summary>
public static class Builds
{
    /// <summary>The cache the build tests share, so each .deb is downloaded once per machine.</summary>
    public static string SharedCache { get; } = Path.Combine(Path.GetTempPath(), "snello-it-build-cache");

    /// <summary>Copies a spec (and nothing else) into a folder of its own, so its lock is written there.</summary>
    public static string CopySpec(string repositoryRelativeSpec, string folder)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, "snello.yaml");
        File.Copy(Path.Combine(Repository.Root, repositoryRelativeSpec), target, overwrite: true);
        return target;
    }

    /// <summary>Runs snello build with --format json and returns the parsed result; fails the test on error.</summary>
    public static JsonElement Build(string spec, string output, string? cacheDir = null,
        IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var result = Run(spec, output, cacheDir, environment, extra);
        Assert.True(result.ExitCode == 0, $"snello build {spec} failed: {result}");
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    public static ProcessRunner.Result Run(string spec, string output, string? cacheDir = null,
        IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (Environment.GetEnvironmentVariable("SNELLO_TEST_DOCKER_HOST") is { Length: > 0 } host)
        {
            env.TryAdd("DOCKER_HOST", host);
        }

        return SnelloCli.RunWith(cacheDir ?? SharedCache, env,
            ["--format", "json", "build", spec, "--output", output, .. extra]);
    }

    /// <summary>The names of the packages a build result lists for its first architecture, sorted.</summary>
    public static IReadOnlyList<string> PackageNames(JsonElement build) =>
        build.GetProperty("architectures")[0].GetProperty("packages").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Loads a docker archive into the test engine; returns the image's size as docker reports it.</summary>
    public static long LoadAndMeasure(string archive, string tag)
    {
        Docker.Check("load", "-i", archive);
        var size = Docker.Check("image", "inspect", "-f", "{{.Size}}", tag).Stdout.Trim();
        return long.Parse(size, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs an image with no network and returns its stdout; fails the test when it exits non-zero.</summary>
    public static string RunImage(string tag, params string[] arguments)
    {
        var result = Docker.Run(["run", "--rm", "--network", "none", tag, .. arguments]);
        Assert.True(result.ExitCode == 0, $"docker run {tag} failed: {result}");
        return result.Stdout;
    }

    /// <summary>Copies a folder recursively, symlinks as links.</summary>
    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo directory)
            {
                CopyDirectory(directory.FullName, target);
            }
            else
            {
                File.Copy(entry.FullName, target);
            }
        }
    }
}
