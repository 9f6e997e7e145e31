using Snello.Cli;
using Snello.Oci;
using Snello.Oci.Digests;
using Snello.Oci.Engine;
using Snello.Oci.Images;
using Snello.Oci.Model;
using Snello.Oci.Registry;
using Snello.Oci.Transports;

namespace Snello.Tests.Cli;

public sealed class ExitCodeTests
{
    public static TheoryData<Exception, string, int> Failures() => new()
    {
        { new UsageException("x"), "usage", 2 },
        { new FormatException("x"), "invalid-value", 2 },
        { new UnsupportedTransportException("x"), "unsupported-transport", 2 },
        { new DigestMismatchException("blob", Digest.Compute([1]), Digest.Compute([2])), "digest-mismatch", 3 },
        { new PlatformNotFoundException(Platform.Parse("linux/s390x"), []), "platform-not-found", 3 },
        { new ImageFormatException("x"), "image-unusable", 3 },
        { new Snello.Oci.FileSystems.ExportTargetException("/t", "is not empty"), "target-unusable", 2 },
        { new Snello.Oci.FileSystems.LimitExceededException("sha256:x", "size", 1, "--max-size"),
            "limit-exceeded", 3 },
        { new FileNotFoundException("x"), "not-found", 3 },
        { new UnauthorizedAccessException("x"), "permission-denied", 3 },
        { new IOException("x"), "io", 3 },
        { new RegistryUnreachableException("r", "x"), "registry-unreachable", 5 },
        { new RegistryAuthenticationException("r", "x"), "unauthorized", 5 },
        { new CredentialHelperException("h", "x"), "credential-helper", 5 },
        { new RegistryNotFoundException("r", "x"), "not-found", 3 },
        { new RegistryException("r", "x"), "registry-error", 3 },
        { new EngineUnreachableException(DockerHost.Default, "x"), "engine-unreachable", 5 },
        { new EngineApiException(System.Net.HttpStatusCode.NotFound, "GET /images/x/json", "no such image", "x"),
            "not-found", 3 },
        { new EngineApiException(System.Net.HttpStatusCode.OK, "POST /images/load", "bad tar", "x"),
            "engine-error", 3 },
        { new Snello.Debian.Archive.ArchiveUnreachableException(new Uri("http://127.0.0.1:9/debian"), "x"),
            "archive-unreachable", 5 },
        { new Snello.Debian.Archive.PinnedPackageMissingException("pool/x.deb", "bookworm",
            new Uri("http://127.0.0.1:9/debian/pool/x.deb")),
            "pinned-package-missing", 3 },
        { new Snello.Debian.Archive.SuiteNotFoundException("x", new Uri("http://127.0.0.1:9/debian"),
            new Uri("http://127.0.0.1:9/debian/dists/x/InRelease")), "suite-not-found", 3 },
        { new Snello.Debian.Archive.DebianMirrorNotFoundException("/", "x"), "no-debian-mirror", 2 },
        { new Snello.Debian.Archive.SignatureVerificationException("InRelease", "x"), "bad-signature", 3 },
        { new Snello.Debian.Archive.HashMismatchException("Packages.xz", "a", "b"), "hash-mismatch", 3 },
        { new Snello.Debian.Archive.ReleaseFormatException("InRelease", "Valid-Until", "x", "has passed"),
            "release-unusable", 3 },
        { new Snello.Debian.Archive.KeyringException("k.gpg", "x"), "keyring-unusable", 3 },
        { new Snello.Build.Specs.SpecException("snello.yaml", 2, 9, "distribution.suite", "x"), "spec-invalid", 3 },
        { new Snello.Build.Locking.LockFileException("snello.lock", "x"), "lock-invalid", 3 },
        { new Snello.Build.Pipeline.LockOutOfDateException("snello.lock", "snello.yaml", "x"),
            "lock-out-of-date", 3 },
        { new Snello.Build.Assembly.AssemblyException("x", "y"), "assembly-failed", 3 },
        { new Snello.Debian.Resolution.UnsatisfiableDependencyException("foo 1", "Depends", "bar", "x"),
            "unsatisfiable-dependency", 3 },
        { new Snello.Debian.Packages.DebFormatException("x.deb", "x"), "deb-unusable", 3 },
        { new Snello.Analysis.Elf.ElfFormatException("x"), "elf-unusable", 3 },
        { new OperationCanceledException(), "interrupted", 130 },
        { new InvalidOperationException("x"), "internal", 70 },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_maps_each_failure_to_its_documented_code_and_exit_status(Exception e, string code, int exit)
    {
        Assert.Equal((code, exit), SnelloApp.Classify(e));
    }

    [Fact]
    public void Readme_lists_every_exit_code_the_cli_defines()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        foreach (var code in new[] { 0, 1, 2, 3, 4, 5, 70, 130 })
        {
            Assert.Contains($"| {code} |", readme, StringComparison.Ordinal);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Snello.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no repository root");
    }
}
