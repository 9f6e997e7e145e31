using Snello.Analysis.Findings;
using Snello.Dockerfiles.Advising;
using Snello.Dockerfiles.Linting;
using Snello.Dockerfiles.Model;

namespace Snello.Tests.Dockerfiles.Advising;

public sealed class DockerfileAdvisorTests
{
    public static TheoryData<string, StackKind, string> Stacks => new()
    {
        { "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nENV CGO_ENABLED=0\nRUN go build -o /out/hello .\n" +
            "CMD [\"/out/hello\"]\n", StackKind.Go, "gcr.io/distroless/static-debian12:nonroot" },
        { "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o hello .\nCMD ./hello\n",
            StackKind.Go, "gcr.io/distroless/base-debian12:nonroot" },
        { "FROM python:3.11-slim\nWORKDIR /app\nCOPY app.py .\nCMD python3 app.py\n",
            StackKind.Python, "gcr.io/distroless/python3-debian12:nonroot" },
        { "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"server.js\"]\n",
            StackKind.NodeJs, "gcr.io/distroless/nodejs22-debian12:nonroot" },
        { "FROM eclipse-temurin:21-jdk\nWORKDIR /app\nCOPY . .\nRUN javac Hello.java && jar cfe h.jar Hello "
            + "*.class\n" +
            "ENTRYPOINT [\"java\", \"-jar\", \"h.jar\"]\n", StackKind.Java,
                "gcr.io/distroless/java21-debian12:nonroot" },
        { "FROM debian:12\nRUN apt-get update && apt-get install -y g++\nCOPY main.cpp /src/\n" +
            "RUN g++ -o /usr/local/bin/app /src/main.cpp\nCMD [\"/usr/local/bin/app\"]\n",
            StackKind.Native, "gcr.io/distroless/cc-debian12:nonroot" },
        { "FROM mcr.microsoft.com/dotnet/sdk:9.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n" +
            "ENTRYPOINT [\"dotnet\", \"/app/Hello.dll\"]\n", StackKind.DotNet,
            "mcr.microsoft.com/dotnet/runtime:9.0-noble-chiseled" },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Advise_writes_a_distroless_final_stage_the_linter_accepts(string input, StackKind stack,
        string finalBase)
    {
        var advice = DockerfileAdvisor.Advise(Dockerfile.Parse(input));

        Assert.Equal(stack, advice.Stack);
        Assert.Equal(finalBase, advice.FinalBase);
        var output = Dockerfile.Parse(advice.Dockerfile);
        Assert.Equal(2, output.Stages.Count);
        var final = output.Stages[1];
        Assert.Equal(finalBase, final.BaseImage);
        Assert.DoesNotContain(final.Instructions, i => i.Keyword == "RUN");
        Assert.True(final.Instructions.Single(i => i.Keyword == "ENTRYPOINT").IsExecForm);
        Assert.Contains(final.Instructions, i => i.Keyword == "USER");
        Assert.Contains(final.Instructions, i => i.Keyword == "COPY" && i.Flag("from")?.Value == "build");

        var findings = DockerfileLinter.Lint(output).Findings;
        Assert.DoesNotContain(findings, f => f.Severity.IsAtLeast(Severity.High));
        Assert.DoesNotContain(findings, f => RuleSet.Find(f.RuleId)!.Group == RuleGroup.Distroless);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Advise_uses_no_buildkit_only_syntax_for_classic_input(string input, StackKind stack, string _)
    {
        var text = DockerfileAdvisor.Advise(Dockerfile.Parse(input)).Dockerfile;

        Assert.DoesNotContain("<<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--mount", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--link", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--chmod", text, StringComparison.Ordinal);
        Assert.DoesNotContain("syntax=", text, StringComparison.Ordinal);
        Assert.True(Enum.IsDefined(stack));
    }

    [Fact]
    public void Advise_keeps_a_syntax_directive_and_heredocs_the_input_used()
    {
        var input = "# syntax=docker/dockerfile:1\nFROM golang:1.22\nWORKDIR /src\nRUN <<EOF\ngo build -o /app "
            + ".\nEOF\n" +
            "CMD [\"/app\"]\n";

        var text = DockerfileAdvisor.Advise(Dockerfile.Parse(input)).Dockerfile;

        Assert.StartsWith("# syntax=docker/dockerfile:1\n", text, StringComparison.Ordinal);
        Assert.Contains("RUN <<EOF\ngo build -o /app .\nEOF\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_with_a_custom_base_uses_a_numeric_user_and_the_debian_interpreter_path()
    {
        var input = "FROM node:20\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n";

        var advice = DockerfileAdvisor.Advise(Dockerfile.Parse(input),
            new AdviseOptions { BaseImage = "local/node:1" });

        Assert.Contains("FROM local/node:1\n", advice.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER 65532:65532\n", advice.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"/usr/bin/node\", \"server.js\"]", advice.Dockerfile,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_keeps_exposed_ports_and_runtime_env_but_not_build_env()
    {
        var input = "FROM golang:1.22\nENV GOFLAGS=-mod=vendor PORT=8080\nRUN go build -o /app .\nEXPOSE 8080\n" +
            "CMD [\"/app\"]\n";

        var final = Dockerfile.Parse(DockerfileAdvisor.Advise(Dockerfile.Parse(input)).Dockerfile).Stages[1];

        Assert.Contains(final.Instructions, i => i.ToString() == "ENV PORT=8080");
        Assert.DoesNotContain(final.Instructions, i => i.ToString().Contains("GOFLAGS", StringComparison.Ordinal));
        Assert.Contains(final.Instructions, i => i.ToString() == "EXPOSE 8080");
    }

    [Fact]
    public void Advise_notes_a_start_command_that_needs_a_shell()
    {
        var input = "FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD python3 app.py --port $PORT\n";

        var text = DockerfileAdvisor.Advise(Dockerfile.Parse(input)).Dockerfile;

        Assert.Contains("used shell features", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_rejects_a_multi_stage_file()
    {
        var error = Assert.Throws<AdviseException>(() =>
            DockerfileAdvisor.Advise(Dockerfile.Parse("FROM a:1 AS b\nFROM c:1\n", "app/Dockerfile")));

        Assert.Contains("'app/Dockerfile' already has 2 stages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_rejects_an_unknown_stack_naming_the_base()
    {
        var error = Assert.Throws<AdviseException>(() =>
            DockerfileAdvisor.Advise(Dockerfile.Parse("FROM nginx:1.25\nCOPY site /usr/share/nginx/html\n")));

        Assert.Contains("'nginx:1.25'", error.Message, StringComparison.Ordinal);
    }
}
