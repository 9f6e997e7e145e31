using Snello.Dockerfiles.Model;

namespace Snello.Tests.Dockerfiles.Model;

public sealed class DockerfileTests
{
    [Fact]
    public void From_resolves_global_args_including_defaults_built_from_earlier_args()
    {
        var file = Dockerfile.Parse("ARG BASE=debian\nARG IMAGE=\"${BASE}:12\"\nFROM $IMAGE AS build\nFROM build\n");

        Assert.Equal("debian:12", file.Stages[0].ResolvedBaseImage);
        Assert.Same(file.Stages[0], file.Stages[1].BaseStage);
        Assert.Equal("debian:12", file.Stages[1].RootImage);
    }

    [Fact]
    public void Only_the_final_stage_and_its_from_chain_ship()
    {
        var file = Dockerfile.Parse("FROM a:1 AS base\nFROM b:1 AS tools\nFROM base\n");

        Assert.Equal([true, false, true], file.Stages.Select(s => s.ShipsInFinalImage));
        Assert.True(file.Stages[2].IsFinal);
    }

    [Fact]
    public void Instructions_expose_flags_arguments_and_onbuild_triggers()
    {
        var file = Dockerfile.Parse("FROM a:1\nCOPY --from=b --chown=1:1 x /y\nONBUILD RUN make\n");

        var copy = file.Stages[0].Instructions[0];
        Assert.Equal("b", copy.Flag("from")?.Value);
        Assert.Equal(["x", "/y"], copy.Arguments);
        Assert.Equal("RUN", file.Stages[0].Instructions[1].Trigger?.Keyword);
    }

    [Fact]
    public void FindStage_accepts_names_without_case_and_indexes_before_a_stage()
    {
        var file = Dockerfile.Parse("FROM a:1 AS Build\nFROM b:1\n");

        Assert.Same(file.Stages[0], file.FindStage("build"));
        Assert.Same(file.Stages[0], file.FindStage("0", before: 1));
        Assert.Null(file.FindStage("1", before: 1));
    }
}
