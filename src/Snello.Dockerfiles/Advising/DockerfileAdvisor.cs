using Snello.Dockerfiles.Model;
using Snello.Dockerfiles.Shell;

namespace Snello.Dockerfiles.Advising;

/// <summary>
/// Rewrites a single-stage Dockerfile into a multi-stage one whose final stage is distroless: the
/// original stage is kept as the builder, the artefacts are copied out with COPY --from, the final
/// stage runs as a non-root user with an exec-form ENTRYPOINT and no RUN. It writes no syntax that
/// only BuildKit knows (here-documents, RUN --mount, COPY --link or --chmod, a syntax directive)
/// unless the input already used it, so that Docker's classic builder builds the result.
/// </summary>
public static partial class DockerfileAdvisor
{
    private const string BuilderName = "build";

    /// <summary>Rewrites <paramref name="file"/>.</summary>
    /// <exception cref="AdviseException">
    /// The file has no stage or several, its stack is not recognised, or its artefact cannot be found.
    /// </exception>
    public static Advice Advise(Dockerfile file, AdviseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= new AdviseOptions();
        var name = file.Path ?? "Dockerfile";
        if (file.Stages.Count == 0)
        {
            throw new AdviseException($"'{name}' has no FROM instruction");
        }

        if (file.Stages.Count > 1)
        {
            throw new AdviseException(
                $"'{name}' already has {file.Stages.Count} stages; advise rewrites single-stage Dockerfiles " +
                "(run 'snello dockerfile lint' to check a multi-stage one)");
        }

        var stage = file.Stages[0];
        var stack = DetectStack(stage) ?? throw new AdviseException(
            $"cannot tell the stack of '{name}' from base '{stage.ResolvedBaseImage}' and its RUN commands: " +
            "expected Go, .NET, Node.js, Python, Java, C or C++");

        var context = new StageFacts(stage);
        var plan = stack switch
        {
            StackKind.Go => PlanGo(context, options),
            StackKind.Native => PlanNative(context, options),
            StackKind.Python => PlanPython(context, options),
            StackKind.NodeJs => PlanNode(context, options),
            StackKind.Java => PlanJava(context, options),
            _ => PlanDotNet(context, options),
        };

        var text = Render(file, stage, context, plan, options);
        return new Advice(stack, plan.FinalBase, text, plan.Notes);
    }

    private static StackKind? DetectStack(Stage stage)
    {
        var (repository, _) = Images.BaseImageCatalog.Split(stage.ResolvedBaseImage.ToLowerInvariant());
        var image = repository[(repository.LastIndexOf('/') + 1)..];
        if (repository.Contains("dotnet/sdk", StringComparison.Ordinal))
        {
            return StackKind.DotNet;
        }

        StackKind? fromImage = image switch
        {
            "golang" => StackKind.Go,
            "node" => StackKind.NodeJs,
            "python" or "pypy" => StackKind.Python,
            "openjdk" or "eclipse-temurin" or "amazoncorretto" or "maven" or "gradle" or "ibm-semeru-runtimes" =>
                StackKind.Java,
            "gcc" => StackKind.Native,
            _ => null,
        };
        if (fromImage is not null)
        {
            return fromImage;
        }

        var commands = stage.Instructions.Where(i => i.Keyword == "RUN")
            .SelectMany(Linting.RuleHelpers.Commands).ToArray();
        var runtime = new StageFacts(stage).Runtime;
        var program = runtime.Count > 0 ? Path.GetFileName(runtime[0]) : "";
        if (commands.Any(c => c.Program == "go" && c.Subcommand is "build" or "install"))
        {
            return StackKind.Go;
        }

        if (commands.Any(c => c.Program == "dotnet" && c.Subcommand == "publish"))
        {
            return StackKind.DotNet;
        }

        if (program is "java" || commands.Any(c => c.Program is "javac" or "mvn" or "gradle" or "jar"))
        {
            return StackKind.Java;
        }

        if (program is "node" || commands.Any(c => c.Program is "npm" or "yarn" or "node"))
        {
            return StackKind.NodeJs;
        }

        if (program.StartsWith("python", StringComparison.Ordinal)
            || commands.Any(c => c.Program.StartsWith("pip", StringComparison.Ordinal)))
        {
            return StackKind.Python;
        }

        if (commands.Any(c => c.Program is "gcc" or "g++" or "cc" or "c++" or "clang" or "clang++" or "make"
                or "cmake"))
        {
            return StackKind.Native;
        }

        return null;
    }

    /// <summary>Splits shell-form text into words the way the shell would, without expanding.</summary>
    internal static List<string> Words(string text)
    {
        try
        {
            return new ShellLexer { SkipUnsetEnv = true }.ProcessWords(text,
                Syntax.DockerfileParser.EmptyEnvironment)
                .ToList();
        }
        catch (ShellExpansionException)
        {
            return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
    }
}
