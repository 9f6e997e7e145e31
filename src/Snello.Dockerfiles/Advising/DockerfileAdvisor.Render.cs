using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Snello.Dockerfiles.Model;

namespace Snello.Dockerfiles.Advising;

public static partial class DockerfileAdvisor
{
    private static string Render(Dockerfile file, Stage stage, StageFacts facts, AdvicePlan plan,
        AdviseOptions options)
    {
        var text = new StringBuilder();
        var lines = file.Syntax.Lines;

        // Parser directives must stay first; an escape directive changes how the kept lines read.
        foreach (var directive in file.Syntax.Directives)
        {
            text.Append($"# {directive.Name}={directive.Value}\n");
        }

        text.Append($"# Rewritten by 'snello dockerfile advise' from a single-stage {StackName(plan.Stack)} ");
        text.Append("Dockerfile.\n");
        text.Append("# The original stage is kept as the builder; the final stage starts from a distroless "
            + "base,\n");
        text.Append("# copies only the artefacts, runs as a non-root user and has no shell and no RUN.\n");
        foreach (var arg in file.Preamble)
        {
            AppendOriginal(text, lines, arg);
        }

        text.Append('\n');
        text.Append("# --- builder: the original instructions, without the ones that only matter at run time\n");
        var platform = stage.From.Flag("platform") is { } flag ? $"--platform={flag.Value} " : "";
        text.Append($"FROM {platform}{stage.BaseImage} AS {BuilderName}\n");
        foreach (var instruction in stage.Instructions.Where(i => !IsRuntimeOnly(i.Keyword)))
        {
            AppendOriginal(text, lines, instruction);
        }

        text.Append('\n');
        text.Append("# --- final: distroless\n");
        foreach (var note in plan.Notes)
        {
            AppendComment(text, "CHECK: " + note);
        }

        if (facts.RuntimeNeedsShell)
        {
            AppendComment(text, $"CHECK: the start command '{facts.ShellFormText}' used shell features " +
                "(variables, pipes, chains); the final image has no shell, so rewrite it as one program call.");
        }

        text.Append($"FROM {plan.FinalBase}\n");
        if (facts.WorkDir != "/")
        {
            text.Append($"WORKDIR {facts.WorkDir}\n");
        }

        AppendRuntimeSettings(text, stage, plan);
        foreach (var (source, destination) in plan.Copies.Distinct())
        {
            text.Append($"COPY --from={BuilderName} {source} {destination}\n");
        }

        AppendRuntimeInstructions(text, lines, stage);
        text.Append($"USER {plan.User}\n");
        text.Append("ENTRYPOINT ").Append(JsonArray(plan.Entrypoint)).Append('\n');
        _ = options;
        return text.ToString();
    }

    private static void AppendRuntimeSettings(StringBuilder text, Stage stage, AdvicePlan plan)
    {
        foreach (var env in stage.Instructions.Where(i => i.Keyword == "ENV"))
        {
            for (var i = 0; i + 2 < env.Arguments.Count + 1 && i + 1 < env.Arguments.Count; i += 3)
            {
                var name = env.Arguments[i];
                if (!IsBuildOnlyEnv(name))
                {
                    text.Append($"ENV {name}={Quote(env.Arguments[i + 1], env.Arguments[i + 2])}\n");
                }
            }
        }

        foreach (var (name, value) in plan.Env)
        {
            text.Append($"ENV {name}={value}\n");
        }

        foreach (var label in stage.Instructions.Where(i => i.Keyword == "LABEL"))
        {
            for (var i = 0; i + 1 < label.Arguments.Count; i += 3)
            {
                text.Append($"LABEL "
                    + $"{label.Arguments[i]}={Quote(label.Arguments[i + 1], label.Arguments[i + 2])}\n");
            }
        }
    }

    private static void AppendRuntimeInstructions(StringBuilder text, IReadOnlyList<string> lines, Stage stage)
    {
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "EXPOSE" or "VOLUME" or "STOPSIGNAL":
                    AppendOriginal(text, lines, instruction, withComments: false);
                    break;
                case "HEALTHCHECK" when instruction.IsExecForm && !UsesMissingTool(instruction):
                    AppendOriginal(text, lines, instruction, withComments: false);
                    break;
                case "HEALTHCHECK":
                    AppendComment(text, $"CHECK: dropped '{instruction}': it needs a shell or a tool " +
                        "(curl, wget) that the final image lacks; let the program check itself or use the " +
                        "orchestrator's probes.");
                    break;
            }
        }
    }

    private static void AppendOriginal(StringBuilder text, IReadOnlyList<string> lines, Instruction instruction,
        bool withComments = true)
    {
        if (withComments)
        {
            foreach (var comment in instruction.Node.PrevComment)
            {
                text.Append("# ").Append(comment).Append('\n');
            }
        }

        for (var line = instruction.StartLine; line <= instruction.EndLine && line <= lines.Count; line++)
        {
            text.Append(lines[line - 1]).Append('\n');
        }
    }

    private static void AppendComment(StringBuilder text, string comment)
    {
        var line = new StringBuilder("#");
        foreach (var word in comment.Split(' '))
        {
            if (line.Length + word.Length + 1 > 100)
            {
                text.Append(line).Append('\n');
                line.Clear().Append("#  ");
            }

            line.Append(' ').Append(word);
        }

        text.Append(line).Append('\n');
    }

    // ENV and LABEL values keep their quotes from the parser in key=value form; the legacy
    // "key value" form (separator "") may hold spaces, so it is quoted when written as key=value.
    private static string Quote(string value, string separator) =>
        separator == "=" || !value.Any(char.IsWhiteSpace) ? value : "\"" + value.Replace("\"", "\\\"") + "\"";

    private static string JsonArray(IEnumerable<string> words) =>
        "[" + string.Join(", ", words.Select(w =>
            "\"" + JsonEncodedText.Encode(w, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"")) + "]";

    private static string StackName(StackKind stack) => stack switch
    {
        StackKind.Go => "Go",
        StackKind.DotNet => ".NET",
        StackKind.NodeJs => "Node.js",
        StackKind.Python => "Python",
        StackKind.Java => "Java",
        _ => "C/C++",
    };
}
