using System.CommandLine;
using Snello.Cli.Rendering;
using Snello.Dockerfiles.Advising;
using Snello.Dockerfiles.Model;

namespace Snello.Cli.Commands;

/// <summary><c>snello dockerfile advise FILE [--base IMAGE]</c>: a multi-stage distroless rewrite.</summary>
internal static class DockerfileAdviseCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The single-stage Dockerfile ('-' reads stdin)" };
        var baseImage = new Option<string?>("--base")
        {
            Description = "The final stage's base, such as a Snello-built image [default: the distroless " +
                "image for the stack]",
            HelpName = "IMAGE",
        };
        var command = new Command("advise", "Rewrite a single-stage Dockerfile for Go, .NET, Node.js, Python, " +
            "Java, C or C++ into a multi-stage one whose final stage is distroless: the original stage becomes " +
            "the builder, the artefacts are copied with COPY --from, the final stage runs as non-root with an " +
            "exec-form ENTRYPOINT and no RUN. The result builds with Docker's classic builder unless the input " +
            "already needed BuildKit. Comments marked CHECK say what to verify.\n\n" +
            "Exit codes: 0 written, 3 the file does not parse or its stack is not recognised.\n\n" +
            "Examples:\n  snello dockerfile advise Dockerfile > Dockerfile.distroless\n" +
            "  snello dockerfile advise Dockerfile --base registry.example/base/python:3.11")
        {
            file, baseImage,
        };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse);
            if (context.Format == OutputFormat.Sarif)
            {
                throw new UsageException("--format sarif: advise writes a Dockerfile; use table or json");
            }

            var name = parse.GetValue(file)!;
            var dockerfile = Dockerfile.Parse(DockerfileCommand.ReadText(name), name);
            var advice = DockerfileAdvisor.Advise(dockerfile,
                new AdviseOptions { BaseImage = parse.GetValue(baseImage) });
            if (context.Format == OutputFormat.Json)
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("stack", advice.Stack.ToString());
                    w.WriteString("finalBase", advice.FinalBase);
                    w.WriteString("dockerfile", advice.Dockerfile);
                    w.WriteStringArray("notes", advice.Notes);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Out.Write(advice.Dockerfile);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
