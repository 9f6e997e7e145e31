using System.Text.RegularExpressions;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Dockerfiles;

/// <summary>
/// The .NET case of the acceptance. 'dotnet publish' restores packages, which a '--network none' build cannot
/// do, so the builder stage is not built: the advice is linted, and its final stage is built from a folder this
/// test publishes on the host (self-contained, so the base needs only the libraries the runtime loads).
/// </summary>
public sealed partial class AdvisedDockerfileBuildTests
{
    private const string DotNetBase = "snello-test/df-base-dotnet:12";

    [Fact]
    public void Advised_dotnet_dockerfile_lints_clean_and_its_final_stage_runs_a_host_published_app()
    {
        var host = Components.RequireDockerEngine();
        _ = Components.RequireTool("mmdebstrap", "mmdebstrap");
        EnsureImages(host);
        var context = _temp["context"];
        CopyDirectory(Path.Combine(Repository.Root, "tests", "Snello.IntegrationTests", "Dockerfiles", "Examples",
            "dotnet"), context);

        var advice = SnelloCli.Check("dockerfile", "advise", Path.Combine(context, "Dockerfile"), "--base",
            DotNetBase);
        File.WriteAllText(Path.Combine(context, "Dockerfile.advised"), advice.Stdout);
        var lint = SnelloCli.Run("dockerfile", "lint", Path.Combine(context, "Dockerfile.advised"));
        Assert.True(lint.ExitCode == 0, "the advised Dockerfile has high findings:\n" + lint + advice.Stdout);

        File.WriteAllText(Path.Combine(context, "Dockerfile.final"), FinalStageFromFolder(advice.Stdout, "publish"));
        PublishOnHost(context, Path.Combine(context, "publish"));
        var advised = "snello-test/df-dotnet-advised:1";
        DockerBuild(host, context, "Dockerfile.final", advised);

        Assert.Equal("hello from dotnet 1.234,5", DockerRun(host, advised));
        var size = ImageSize(host, advised);
        var baseSize = ImageSize(host, DotNetBase);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"dotnet: advised final stage {size / 1e6:F1} MB (base {baseSize / 1e6:F1} MB, " +
            $"self-contained application {(size - baseSize) / 1e6:F1} MB)");
    }

    /// <summary>
    /// The advice's last stage, with its one 'COPY --from=STAGE /app DEST' copying from a folder of the build
    /// context instead: the folder the builder's 'dotnet publish -o /app' would have filled.
    /// </summary>
    private static string FinalStageFromFolder(string advice, string folder)
    {
        var lines = advice.ReplaceLineEndings("\n").Split('\n');
        var from = Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        Assert.True(from >= 0, "the advice has no FROM:\n" + advice);
        Assert.Equal("FROM " + DotNetBase, lines[from]);
        var copies = 0;
        var stage = lines[from..].Select(line =>
        {
            var match = Regex.Match(line, @"^COPY --from=\S+ (?<source>\S+) (?<destination>\S+)$");
            if (!match.Success)
            {
                return line;
            }

            copies++;
            Assert.Equal("/app", match.Groups["source"].Value);
            return $"COPY {folder} {match.Groups["destination"].Value}";
        }).ToList();
        Assert.True(copies == 1, $"expected one COPY --from in the final stage, found {copies}:\n{advice}");
        Assert.DoesNotContain(stage, l => l.StartsWith("RUN", StringComparison.Ordinal));
        return string.Join('\n', stage);
    }

    private static void PublishOnHost(string project, string output)
    {
        var dotnet = Components.RequireTool("dotnet", "the .NET SDK");
        var env = new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        // No build server and no reused nodes: nothing of the publish outlives the test.
        var result = ProcessRunner.Run(dotnet,
            ["publish", Path.Combine(project, "hello.csproj"), "-c", "Release", "-r", "linux-x64",
                "--self-contained", "-o", output, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-nologo"],
            project, env, timeout: TimeSpan.FromMinutes(10));
        Assert.True(result.ExitCode == 0, "dotnet publish on the host failed: " + result);
    }
}
