using Snello.Build.Locking;
using Snello.IntegrationTests.Infrastructure;

namespace Snello.IntegrationTests.Build;

/// <summary>
/// The starter specs, the examples' specs and a written lock validate against docs/schemas, read by an
/// independent YAML parser (python3-yaml) and JSON Schema validator (python3-jsonschema).
/// </summary>
public sealed class SpecSchemaTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Schemas => Path.Combine(Repository.Root, "docs", "schemas");

    private static string Script => Path.Combine(AppContext.BaseDirectory, "Scripts", "validate_schema.py");

    private static string RequireYaml()
    {
        var python = Components.RequireJsonSchemaValidator();
        if (ProcessRunner.Run(python, ["-c", "import yaml"]).ExitCode != 0)
        {
            Assert.Skip("Debian's python3-yaml is not installed (scripts/test.sh installs it)");
        }

        return python;
    }

    [Fact]
    public void Every_starter_and_example_spec_validates_against_the_spec_schema()
    {
        var python = RequireYaml();
        var specs = Directory.GetFiles(Path.Combine(Repository.Root, "specs"), "*.snello.yaml")
            .Concat(Directory.Exists(Path.Combine(Repository.Root, "examples"))
                ? Directory.GetFiles(Path.Combine(Repository.Root, "examples"), "snello.yaml",
                    SearchOption.AllDirectories)
                : [])
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(specs.Count >= 5, $"expected the five starter specs, found {specs.Count}");
        var result = ProcessRunner.Run(python, [Script, Schemas, "snello-spec.schema.json", .. specs]);
        Assert.True(result.ExitCode == 0, $"schema validation failed: {result}");
    }

    [Theory]
    [InlineData("distribution: {suite: bookworm}\nvolumes: [/data]\n")]
    [InlineData("distribution: {suite: buster}\n")]
    [InlineData("packages: [tzdata]\n")]
    [InlineData("distribution: {suite: bookworm}\nfiles: [{source: a, destination: relative}]\n")]
    public void The_spec_schema_rejects_what_the_reader_rejects(string text)
    {
        var python = RequireYaml();
        var path = _temp["bad.yaml"];
        File.WriteAllText(path, text);
        var result = ProcessRunner.Run(python, [Script, Schemas, "snello-spec.schema.json", path]);
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public void A_written_lock_validates_against_the_lock_schema_and_a_broken_one_does_not()
    {
        var python = Components.RequireJsonSchemaValidator();
        var lockFile = new LockFile
        {
            LockVersion = 1,
            Spec = "sha256:" + new string('0', 64),
            Distribution = "bookworm",
            Architectures = new Dictionary<string, LockedArchitecture>
            {
                ["amd64"] = new()
                {
                    Packages =
                    [
                        new LockedPackage
                        {
                            Name = "libc6",
                            Version = "2.36-9+deb12u10",
                            Architecture = "amd64",
                            Sha256 = new string('f', 64),
                            Filename = "pool/main/g/glibc/libc6_2.36-9+deb12u10_amd64.deb",
                            Size = 2_757_936,
                            Repository = "bookworm-security",
                            IndexDate = new DateTimeOffset(2026, 7, 11, 10, 16, 37, TimeSpan.Zero),
                        },
                    ],
                },
            },
        };
        var good = _temp["snello.lock"];
        lockFile.Save(good);
        var ok = ProcessRunner.Run(python, [Script, Schemas, "snello-lock.schema.json", good]);
        Assert.True(ok.ExitCode == 0, $"schema validation failed: {ok}");

        var broken = _temp["broken.lock"];
        File.WriteAllText(broken, File.ReadAllText(good).Replace("\"size\": 2757936", "\"size\": -1",
            StringComparison.Ordinal));
        Assert.NotEqual(0, ProcessRunner.Run(python, [Script, Schemas, "snello-lock.schema.json", broken]).ExitCode);
    }
}
