using System.Text.Json;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Build;

/// <summary>
/// Trivy, reading a built image as an archive, lists exactly the packages the build resolved: every package
/// has its dpkg record in /var/lib/dpkg/status.d, and nothing else looks like one.
/// </summary>
public sealed class TrivyInventoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("base")]
    [InlineData("python3")]
    public void Trivy_lists_exactly_the_resolved_packages(string name)
    {
        var trivy = Components.RequireTrivy();
        var spec = Builds.CopySpec($"specs/{name}.snello.yaml", _temp["spec"]);
        var archive = _temp["image.tar"];
        var build = Builds.Build(spec, $"docker-archive:{archive}:snello-trivy/{name}:test");

        var result = ProcessRunner.Run(trivy, ["image", "--input", archive, "--format", "cyclonedx",
            "--scanners", "license", "--skip-db-update", "--offline-scan", "--cache-dir", _temp["trivy-cache"],
            "--quiet"], timeout: TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, "trivy failed: " + result);

        using var sbom = JsonDocument.Parse(result.Stdout);
        var listed = sbom.RootElement.GetProperty("components").EnumerateArray()
            .Where(c => c.TryGetProperty("purl", out var purl) &&
                purl.GetString()!.StartsWith("pkg:deb/", StringComparison.Ordinal))
            .Select(c => c.GetProperty("name").GetString()!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Builds.PackageNames(build), listed);
    }
}
