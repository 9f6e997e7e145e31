using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Build;

/// <summary>
/// The acceptance of the examples: each one's build.sh compiles it with this machine's toolchain, 'snello
/// build' makes its image, the real engine loads it and 'docker run --network none' prints exactly
/// expected-output.txt. None of the images holds a shell or a package manager.
/// </summary>
public sealed class ExampleImageTests : IDisposable
{
    private static readonly string[] Forbidden =
        ["/bin/sh", "/bin/bash", "/bin/dash", "/usr/bin/sh", "/usr/bin/bash", "/usr/bin/dash", "/usr/bin/dpkg",
         "/usr/bin/apt", "/usr/bin/apt-get", "/sbin/apk", "/usr/bin/perl"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("c-hello")]
    [InlineData("go-hello")]
    [InlineData("python-hello")]
    [InlineData("dotnet-hello")]
    [InlineData("snello")]
    public void Example_builds_runs_in_docker_and_prints_its_expected_output(string example)
    {
        _ = Components.RequireDockerEngine();
        var source = Path.Combine(Repository.Root, "examples", example);
        var compile = ProcessRunner.Run("bash", [Path.Combine(source, "build.sh")], source,
            timeout: TimeSpan.FromMinutes(15));
        Assert.True(compile.ExitCode == 0, $"examples/{example}/build.sh failed: {compile}");

        // The build runs on a copy, so the lock it writes stays out of the repository.
        var folder = _temp[example];
        Builds.CopyDirectory(source, folder);
        var tag = $"snello-example/{example}:test";
        var archive = _temp["image.tar"];
        var build = Builds.Build(Path.Combine(folder, "snello.yaml"), $"docker-archive:{archive}:{tag}");

        var size = Builds.LoadAndMeasure(archive, tag);
        var expected = File.ReadAllText(Path.Combine(source, "expected-output.txt"));
        Assert.Equal(expected, Builds.RunImage(tag));
        // The archive is readable, so a failing 'cat' below means the path is absent, not a broken read.
        SnelloCli.Check("cat", $"docker-archive:{archive}", "/etc/passwd");
        foreach (var path in Forbidden)
        {
            var found = SnelloCli.Run("cat", $"docker-archive:{archive}", path);
            Assert.True(found.ExitCode != 0, $"the {example} image holds '{path}'");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{example}: {Builds.PackageNames(build).Count} packages, {size / 1e6:F1} MB");
    }
}
