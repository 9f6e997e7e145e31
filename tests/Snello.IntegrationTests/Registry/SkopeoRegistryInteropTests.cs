using Snello.IntegrationTests.Infrastructure;
using Snello.Oci.Digests;

namespace Snello.IntegrationTests.Registry;

/// <summary>skopeo and snello move images through the same registry both ways, and the digests agree.</summary>
public sealed class SkopeoRegistryInteropTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Skopeo() => Components.RequireTool("skopeo", "skopeo");

    private static string RawDigest(string skopeo, string image) =>
        Digest.Compute(ProcessRunner.Check(skopeo, "inspect", "--raw", "--tls-verify=false", image).StdoutBytes)
            .ToString();

    [Fact]
    public async Task Skopeo_pulls_what_snello_pushed_and_pushes_what_snello_pulled_with_the_same_digest()
    {
        var skopeo = Skopeo();
        var host = fixture.Server.Host;
        var env = new RegistryEnvironment(_temp);
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var expected = env.Check("digest", seed).Stdout.Trim();

        env.Check("copy", seed, $"docker://{host}/interop/snello:v1");
        ProcessRunner.Check(skopeo, "copy", "--src-tls-verify=false", $"docker://{host}/interop/snello:v1",
            $"oci:{_temp["skopeo-pulled"]}:v1");
        env.Check("copy", $"docker://{host}/interop/snello:v1", $"oci:{_temp["snello-pulled"]}:v1");
        ProcessRunner.Check(skopeo, "copy", "--dest-tls-verify=false", $"oci:{_temp["snello-pulled"]}:v1",
            $"docker://{host}/interop/skopeo-pushed:v1");

        Assert.Equal(expected, RawDigest(skopeo, $"docker://{host}/interop/snello:v1"));
        Assert.Equal(expected, env.Check("digest", $"oci:{_temp["skopeo-pulled"]}:v1").Stdout.Trim());
        Assert.Equal(expected, RawDigest(skopeo, $"docker://{host}/interop/skopeo-pushed:v1"));
        Assert.Equal(expected, env.Check("digest", $"{host}/interop/skopeo-pushed:v1").Stdout.Trim());
    }

    [Theory]
    [InlineData("oci", "application/vnd.oci.image.manifest.v1+json")]
    [InlineData("v2s2", "application/vnd.docker.distribution.manifest.v2+json")]
    public async Task Snello_reads_what_skopeo_pushed_in_both_manifest_formats(string format, string mediaType)
    {
        var skopeo = Skopeo();
        var host = fixture.Server.Host;
        var env = new RegistryEnvironment(_temp);
        var seed = await TestImages.WriteOciAsync(_temp["seed"]);
        var image = $"docker://{host}/interop/{format}:v1";

        ProcessRunner.Check(skopeo, "copy", "--dest-tls-verify=false", "--format", format, seed, image);
        var expected = RawDigest(skopeo, image);
        var digest = env.Check("digest", image, "--format", "json").Stdout;
        env.Check("copy", image, $"oci:{_temp["pulled"]}:v1");

        Assert.Contains($"\"digest\": \"{expected}\"", digest, StringComparison.Ordinal);
        Assert.Contains($"\"mediaType\": \"{mediaType}\"", digest, StringComparison.Ordinal);
        Assert.Equal(expected, env.Check("digest", $"oci:{_temp["pulled"]}:v1").Stdout.Trim());
        Assert.Equal(TestImages.Greeting + "\n", env.Check("cat", image, "/app/greeting.txt").Stdout);
    }
}
