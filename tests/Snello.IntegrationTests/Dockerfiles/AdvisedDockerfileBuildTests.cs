using System.Globalization;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Dockerfiles;

/// <summary>
/// The acceptance of 'snello dockerfile advise': for each example application, the single-stage
/// Dockerfile and the advised multi-stage one (with --base pointing at a library-only root file
/// system imported into the engine) both build with 'docker build --network none' on the classic
/// builder, run, print the same line, and the advised image is smaller.
/// </summary>
public sealed partial class AdvisedDockerfileBuildTests : IDisposable
{
    private static readonly Lock ImagesLock = new();
    private static bool _imagesReady;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, string> Stacks => new()
    {
        { "go", "snello-test/df-base-libc:12", "hello from go" },
        { "c", "snello-test/df-base-libc:12", "hello from c" },
        { "python", "snello-test/df-base-python:12", "hello from python 3" },
        { "node", "snello-test/df-base-node:12", "hello from node" },
        { "java", "snello-test/df-base-java:12", "hello from java" },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Advised_dockerfile_builds_offline_runs_and_is_smaller(string stack, string baseImage,
        string expected)
    {
        var host = Components.RequireDockerEngine();
        _ = Components.RequireTool("mmdebstrap", "mmdebstrap");
        EnsureImages(host);
        var context = _temp["context"];
        CopyDirectory(Path.Combine(Repository.Root, "tests", "Snello.IntegrationTests", "Dockerfiles", "Examples",
            stack), context);

        var advice = SnelloCli.Check("dockerfile", "advise", Path.Combine(context, "Dockerfile"), "--base",
            baseImage);
        File.WriteAllText(Path.Combine(context, "Dockerfile.advised"), advice.Stdout);
        var lint = SnelloCli.Run("dockerfile", "lint", Path.Combine(context, "Dockerfile.advised"));
        Assert.True(lint.ExitCode == 0, "the advised Dockerfile has high findings:\n" + lint + advice.Stdout);

        var single = $"snello-test/df-{stack}-single:1";
        var advised = $"snello-test/df-{stack}-advised:1";
        DockerBuild(host, context, "Dockerfile", single);
        DockerBuild(host, context, "Dockerfile.advised", advised);

        Assert.Equal(expected, DockerRun(host, single));
        Assert.Equal(expected, DockerRun(host, advised));
        var before = ImageSize(host, single);
        var after = ImageSize(host, advised);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{stack}: single-stage {before / 1e6:F1} MB, advised {after / 1e6:F1} MB " +
            $"({100.0 * after / before:F1} %)");
        Assert.True(after < before, $"advised image is {after} bytes, single-stage {before}:\n{advice.Stdout}");
    }

    private static void EnsureImages(string host)
    {
        lock (ImagesLock)
        {
            if (_imagesReady)
            {
                return;
            }

            var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "dockerfile-images.sh");
            var work = Path.Combine(Path.GetTempPath(), "snello-it-dockerfile-images");
            var result = ProcessRunner.Run("bash", [script, host, work], timeout: TimeSpan.FromMinutes(30));
            Assert.True(result.ExitCode == 0, "making the test images failed: " + result);
            _imagesReady = true;
        }
    }

    private static ProcessRunner.Result Docker(string host, string? workingDirectory, params string[] args)
    {
        var docker = Components.RequireTool("docker", "docker.io");
        var env = new Dictionary<string, string>
        {
            // The classic builder of Debian 12's engine, as the acceptance asks; no BuildKit.
            ["DOCKER_BUILDKIT"] = "0",
            ["DOCKER_API_VERSION"] = "1.41",
        };
        return ProcessRunner.Run(docker, ["-H", host, .. args], workingDirectory, env,
            timeout: TimeSpan.FromMinutes(10));
    }

    private static void DockerBuild(string host, string context, string dockerfile, string tag)
    {
        var result = Docker(host, context, "build", "--network", "none", "-f", dockerfile, "-t", tag, ".");
        Assert.True(result.ExitCode == 0, $"docker build -f {dockerfile} failed: {result}\n" +
            File.ReadAllText(Path.Combine(context, dockerfile)));
    }

    private static string DockerRun(string host, string tag)
    {
        var result = Docker(host, null, "run", "--rm", "--network", "none", tag);
        Assert.True(result.ExitCode == 0, $"docker run {tag} failed: {result}");
        return result.Stdout.Trim();
    }

    private static long ImageSize(string host, string tag)
    {
        var result = Docker(host, null, "image", "inspect", "-f", "{{.Size}}", tag);
        Assert.True(result.ExitCode == 0, result.ToString());
        return long.Parse(result.Stdout.Trim(), CultureInfo.InvariantCulture);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
