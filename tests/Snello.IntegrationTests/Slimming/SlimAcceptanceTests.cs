using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Slimming;

/// <summary>
/// `snello slim` of real Debian images (mmdebstrap, imported into the test engine by
/// Scripts/dockerfile-images.sh, which makes them once and reuses them): the slimmed image runs in Docker
/// with no network, prints what the original prints, and is at least ten times smaller.
/// </summary>
public sealed class SlimAcceptanceTests
{
    private static readonly Lock ImagesLock = new();
    private static bool _imagesReady;

    [Fact]
    public void Slim_of_a_dynamically_linked_entrypoint_still_runs_and_is_ten_times_smaller()
    {
        // ls -l needs the name service (passwd, group) besides its libraries.
        var (original, slim) = SlimDerived("ls",
            """ENTRYPOINT ["/usr/bin/ls", "-l", "/usr/bin/ls", "/etc/passwd"]""");

        Assert.Equal(original.Output, slim.Output);
        Assert.True(slim.Size * 10 <= original.Size, $"slim image is {slim.Size} bytes, original {original.Size}");
    }

    [Fact]
    public void Slim_of_a_python_script_keeps_its_interpreter_and_standard_library()
    {
        var (original, slim) = SlimDerived("py", """
            RUN printf '#!/usr/bin/env python3\nimport json, hashlib, datetime\n' > /app.py \
             && printf 'sha = hashlib.sha256(b"snello").hexdigest()[:12]\n' >> /app.py \
             && printf 'print(json.dumps({"sha": sha, "year": datetime.date(2024, 1, 2).year}))\n' >> /app.py \
             && chmod 755 /app.py
            ENTRYPOINT ["/app.py"]
            """);

        Assert.Equal(original.Output, slim.Output);
        Assert.Contains("\"sha\"", slim.Output, StringComparison.Ordinal);
        Assert.True(slim.Size * 10 <= original.Size, $"slim image is {slim.Size} bytes, original {original.Size}");
    }

    private static ((string Output, long Size) Original, (string Output, long Size) Slim) SlimDerived(string name,
        string instructions)
    {
        var host = Components.RequireDockerEngine();
        EnsureImages(host);
        using var work = new TempDirectory();
        File.WriteAllText(work["Dockerfile"], "FROM snello-test/df-dev:12\n" + instructions + "\n");
        var tag = $"snello-test/slim-{name}:1";
        var build = ProcessRunner.Run(Components.RequireTool("docker", "docker.io"),
            ["-H", host, "build", "-q", "--network", "none", "-t", tag, work.Path],
            environment: new Dictionary<string, string>
            {
                ["DOCKER_BUILDKIT"] = "0",
                ["DOCKER_API_VERSION"] = "1.41",
            },
            timeout: TimeSpan.FromMinutes(10));
        Assert.True(build.ExitCode == 0, build.ToString());

        var archive = work["slim.tar"];
        var slimTag = $"snello-test/slim-{name}:slim";
        var slim = SnelloCli.RunWith(null, new Dictionary<string, string> { ["DOCKER_HOST"] = host },
            "slim", $"docker-daemon:{tag}", "--output", $"docker-archive:{archive}:{slimTag}",
            "--report", work["report.txt"]);
        Assert.True(slim.ExitCode == 0, slim.ToString());
        Assert.Contains("removed\t/usr/bin/gcc", File.ReadAllText(work["report.txt"]), StringComparison.Ordinal);
        Docker.Check("load", "-i", archive);

        return (RunAndMeasure(tag), RunAndMeasure(slimTag));
    }

    private static (string Output, long Size) RunAndMeasure(string tag)
    {
        var run = Docker.Check("run", "--rm", "--network", "none", tag);
        var size = Docker.Check("image", "inspect", "-f", "{{.Size}}", tag);
        return (run.Stdout, long.Parse(size.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture));
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
}
