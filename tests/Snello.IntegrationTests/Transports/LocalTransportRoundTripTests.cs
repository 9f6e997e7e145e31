using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Transports;

/// <summary>
/// Every pair of local transports, through the snello command. oci: and oci-archive: keep the manifest digest;
/// a docker-archive keeps the config digest and diff IDs, since its format has no manifest.
/// </summary>
public sealed class LocalTransportRoundTripTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> Pairs()
    {
        string[] kinds = ["oci", "oci-archive", "docker-archive"];
        var data = new TheoryData<string, string>();
        foreach (var a in kinds)
        {
            foreach (var b in kinds)
            {
                data.Add(a, b);
            }
        }

        return data;
    }

    private string Location(string kind, string name) => kind switch
    {
        "oci" => $"oci:{_temp[name]}:t1",
        "oci-archive" => $"oci-archive:{_temp[name + ".tar"]}:t1",
        _ => $"docker-archive:{_temp[name + ".tar"]}:example.com/test/image:t1",
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Copy_between_transports_keeps_the_digests_the_formats_can_keep(string from, string to)
    {
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var source = Location(from, "a");
        SnelloCli.Check("copy", seed, source);
        var target = Location(to, "b");
        SnelloCli.Check("copy", source, target);

        var sourceConfig = SnelloCli.Check("digest", "--config", source).Stdout.Trim();
        var targetConfig = SnelloCli.Check("digest", "--config", target).Stdout.Trim();
        Assert.Equal(sourceConfig, targetConfig);

        var sourceDiffIds = DiffIds(source);
        Assert.Equal(sourceDiffIds, DiffIds(target));

        if (from != "docker-archive" && to != "docker-archive")
        {
            Assert.Equal(SnelloCli.Check("digest", source).Stdout, SnelloCli.Check("digest", target).Stdout);
        }

        Assert.Equal(TestImages.Greeting + "\n", SnelloCli.Check("cat", target, "/app/greeting.txt").Stdout);
    }

    [Fact]
    public async Task Copy_to_docker_manifest_format_and_back_keeps_config_and_layers()
    {
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var docker = $"oci:{_temp["docker"]}:d";
        SnelloCli.Check("copy", "--manifest-format", "docker", seed, docker);
        var raw = SnelloCli.Check("inspect", "--raw", docker).Stdout;
        Assert.Contains("application/vnd.docker.distribution.manifest.v2+json", raw, StringComparison.Ordinal);
        Assert.Contains("application/vnd.docker.image.rootfs.diff.tar.gzip", raw, StringComparison.Ordinal);

        var back = $"oci:{_temp["back"]}:o";
        SnelloCli.Check("copy", "--manifest-format", "oci", docker, back);
        Assert.Equal(SnelloCli.Check("digest", seed).Stdout, SnelloCli.Check("digest", back).Stdout);
    }

    private static string DiffIds(string location)
    {
        var json = SnelloCli.Check("inspect", "--format", "json", location).Stdout;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return string.Join(",", doc.RootElement.GetProperty("layers").EnumerateArray()
            .Select(l => l.GetProperty("diffId").GetString()));
    }
}
