using Snello.Build.Specs;
using Snello.Tests.Cli;

namespace Snello.Tests.Build.Specs;

/// <summary>The starter specs under specs/ load and hold what their header comments promise.</summary>
public sealed class StarterSpecTests
{
    private static BuildSpec Load(string name) =>
        BuildSpec.Load(Path.Combine(ExitCodeTests.RepositoryRoot(), "specs", name), "amd64");

    [Theory]
    [InlineData("static.snello.yaml")]
    [InlineData("base.snello.yaml")]
    [InlineData("cc.snello.yaml")]
    [InlineData("python3.snello.yaml")]
    [InlineData("dotnet.snello.yaml")]
    public void Each_starter_spec_loads_and_runs_as_nonroot(string name)
    {
        var spec = Load(name);
        Assert.Equal("bookworm", spec.Distribution!.Suite);
        Assert.Equal(new Ownership(65532, 65532), spec.RunAsOwner);
        Assert.StartsWith("# ", File.ReadAllLines(spec.Path)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Each_base_adds_to_the_one_below_it()
    {
        var names = new[] { "static", "base", "cc", "python3" }
            .Select(n => Load($"{n}.snello.yaml").Packages.Select(p => p.Name).ToHashSet())
            .ToList();
        for (var i = 1; i < names.Count; i++)
        {
            Assert.ProperSuperset(names[i - 1], names[i]);
        }

        Assert.DoesNotContain("libc6", names[0]);
        Assert.Contains("libssl3", names[1]);
        Assert.Contains("libstdc++6", names[2]);
    }

    [Fact]
    public void The_dotnet_spec_has_the_runtime_dependencies()
    {
        var packages = Load("dotnet.snello.yaml").Packages.Select(p => p.Name).ToList();
        string[] expected =
            ["libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libssl3", "libicu72", "ca-certificates", "tzdata"];
        Assert.All(expected, p => Assert.Contains(p, packages));
    }
}
