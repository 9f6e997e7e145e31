using System.Globalization;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Build;

/// <summary>
/// 'snello build' against a local signed repository (dpkg-scanpackages, apt-ftparchive, gpg) named in the
/// spec's repositories beside the host's Debian mirror: each spoiled file is refused with exit code 3 and an
/// error naming the file and the hashes or the bad signature, and no image or lock is written. Each test has
/// its own empty cache, so nothing verified earlier hides the fault.
/// </summary>
public sealed class BuildFaultTests : IDisposable
{
    private static readonly (string, string)[] Packages = [("hello-snello", "1.0-1")];

    private readonly LocalDebianRepository _repository = LocalDebianRepository.Create(Packages);
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        _repository.Dispose();
        _temp.Dispose();
    }

    private string Spec()
    {
        Directory.CreateDirectory(_temp["spec"]);
        var spec = _temp["spec/snello.yaml"];
        File.WriteAllText(spec, string.Create(CultureInfo.InvariantCulture, $"""
            distribution:
              suite: bookworm
              security: false
              repositories:
                - uri: {_repository.Uri}
                  suite: {_repository.Suite}
                  components: [main]
                  keyring: {_repository.KeyringPath}
            packages: [hello-snello]
            """));
        return spec;
    }

    private ProcessRunner.Result Build(string spec) => Builds.Run(spec, $"oci:{_temp["out"]}:x", _temp["cache"]);

    private void AssertRefused(ProcessRunner.Result result, params string[] expected)
    {
        Assert.True(result.ExitCode == 3, "expected exit code 3: " + result);
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Stderr, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(_temp["out"]), "a refused build left an output folder");
        Assert.False(File.Exists(_temp["spec/snello.lock"]), "a refused build wrote a lock");
    }

    [Fact]
    public void A_sound_repository_builds_with_its_package()
    {
        var build = Builds.Build(Spec(), $"oci:{_temp["out"]}:x", _temp["cache"]);

        Assert.Contains("hello-snello", Builds.PackageNames(build));
    }

    [Fact]
    public void A_tampered_InRelease_is_refused_for_its_signature()
    {
        _repository.TamperInRelease();

        AssertRefused(Build(Spec()), "bad-signature", "InRelease");
    }

    [Fact]
    public void A_tampered_Packages_index_is_refused_naming_the_file_and_both_hashes()
    {
        _repository.TamperPackages();

        var result = Build(Spec());

        AssertRefused(result, "hash-mismatch", "Packages");
        Assert.Matches("[0-9a-f]{64}.*[0-9a-f]{64}", result.Stderr);
    }

    [Fact]
    public void A_tampered_deb_is_refused_naming_the_file_and_both_hashes()
    {
        _repository.TamperDeb("hello-snello", "1.0-1");

        var result = Build(Spec());

        AssertRefused(result, "hash-mismatch", "hello-snello_1.0-1_all.deb");
        Assert.Matches("[0-9a-f]{64}.*[0-9a-f]{64}", result.Stderr);
    }

    [Fact]
    public void An_expired_Valid_Until_is_refused()
    {
        _repository.Sign(DateTimeOffset.UtcNow.AddDays(-1), unknownKey: false);

        AssertRefused(Build(Spec()), "release-unusable", "Valid-Until");
    }

    [Fact]
    public void A_signature_by_an_unknown_key_is_refused()
    {
        _repository.Sign(null, unknownKey: true);

        AssertRefused(Build(Spec()), "bad-signature");
    }

    [Fact]
    public void A_pinned_file_gone_from_the_archive_names_the_command_that_refreshes_the_lock()
    {
        var spec = Spec();
        Builds.Build(spec, $"oci:{_temp["first"]}:x", _temp["cache"]);
        Directory.Delete(_temp["cache"], recursive: true);
        _repository.RemoveDeb("hello-snello", "1.0-1");

        var result = Build(spec);

        Assert.True(result.ExitCode == 3, "expected exit code 3: " + result);
        Assert.Contains("pinned-package-missing", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("snello lock", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out"]), "a refused build left an output folder");
    }
}
