using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Engine;

/// <summary>
/// Runs snello against the test engine (DOCKER_HOST set to it, and a DOCKER_API_VERSION that snello must
/// ignore), and makes images in the engine with <c>docker import</c>, since nothing can be pulled here.
/// </summary>
public sealed class EngineFixture : IDisposable
{
    private readonly List<string> _tags = [];

    public TempDirectory Temp { get; } = new();

    public string Cache => Temp["cache"];

    public static string Host => Components.RequireDockerEngine();

    /// <summary>A fresh tag in a repository only these tests use.</summary>
    public string NewTag(string name)
    {
        var tag = $"snello-it/{name}:{Guid.NewGuid():N}"[..(name.Length + 22)];
        _tags.Add(tag);
        return tag;
    }

    public ProcessRunner.Result Snello(params string[] arguments) =>
        SnelloCli.RunWith(Cache, new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = Host,

            // Read by the docker client, not by snello: snello negotiates with the engine itself.
            ["DOCKER_API_VERSION"] = "1.99",
        }, arguments);

    public ProcessRunner.Result CheckSnello(params string[] arguments)
    {
        var result = Snello(arguments);
        Assert.True(result.ExitCode == 0, $"snello {string.Join(' ', arguments)} failed: {result}");
        return result;
    }

    /// <summary>Imports the test image's root filesystem as a one-layer image, the way users make bases here.</summary>
    public async Task<string> ImportTestImageAsync()
    {
        var seed = await TestImages.WriteOciAsync(Temp["import-seed-" + Guid.NewGuid().ToString("N")[..8]]);
        var export = SnelloCli.RunIn(Cache, "export", seed, "-");
        Assert.True(export.ExitCode == 0, export.ToString());
        var rootfs = Temp[$"rootfs-{Guid.NewGuid():N}.tar"];
        await File.WriteAllBytesAsync(rootfs, export.StdoutBytes);

        var tag = NewTag("import");
        const string Entrypoint = "ENTRYPOINT [\"/bin/busybox\", \"cat\", \"/app/greeting.txt\"]";
        Docker.Check("import", "--change", Entrypoint, rootfs, tag);
        return tag;
    }

    public void Dispose()
    {
        if (_tags.Count > 0 && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SNELLO_TEST_DOCKER_HOST")))
        {
            foreach (var tag in _tags)
            {
                Docker.Run("rmi", "-f", tag);
            }
        }

        Temp.Dispose();
    }
}
