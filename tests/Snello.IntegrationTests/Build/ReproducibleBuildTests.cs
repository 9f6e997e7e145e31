using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Build;

/// <summary>Two builds from the same spec and lock, in separate processes with separate empty caches.</summary>
public sealed class ReproducibleBuildTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Same_spec_and_lock_with_separate_empty_caches_give_the_same_digest()
    {
        var first = Builds.CopySpec("specs/base.snello.yaml", _temp["a"]);
        var one = Builds.Build(first, $"oci:{_temp["out-a"]}:base", _temp["cache-a"]);
        Assert.True(File.Exists(Path.Combine(_temp["a"], "snello.lock")), "the first build wrote no lock");

        var second = Builds.CopySpec("specs/base.snello.yaml", _temp["b"]);
        File.Copy(Path.Combine(_temp["a"], "snello.lock"), Path.Combine(_temp["b"], "snello.lock"));
        var two = Builds.Build(second, $"oci:{_temp["out-b"]}:base", _temp["cache-b"]);

        Assert.Equal(one.GetProperty("digest").GetString(), two.GetProperty("digest").GetString());
        Assert.True(two.GetProperty("architectures")[0].GetProperty("fromLock").GetBoolean());
        Assert.False(two.GetProperty("lock").GetProperty("changed").GetBoolean());
    }

    [Fact]
    public void Source_date_epoch_sets_the_image_creation_time()
    {
        var spec = Builds.CopySpec("specs/static.snello.yaml", _temp["s"]);
        var env = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" };
        Builds.Build(spec, $"oci:{_temp["out"]}:static", environment: env);

        var config = SnelloCli.Check("inspect", "--config", $"oci:{_temp["out"]}:static").Stdout;
        Assert.Contains("\"created\":\"2023-11-14T22:13:20", config, StringComparison.Ordinal);
    }
}
