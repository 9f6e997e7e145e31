using Snello.Dockerfiles.Linting;
using Snello.Dockerfiles.Model;

namespace Snello.Dockerfiles.Advising;

/// <summary>What the advisor reads from the single stage: working directory, start command, RUNs.</summary>
internal sealed class StageFacts
{
    private static readonly System.Buffers.SearchValues<char> ShellOperators =
        System.Buffers.SearchValues.Create("|&;<>$`*()");

    public StageFacts(Stage stage)
    {
        Stage = stage;
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "WORKDIR" when instruction.Arguments.Count > 0:
                    var path = instruction.Arguments[0];
                    WorkDir = path.StartsWith('/') ? path : CombinePath(WorkDir, path);
                    break;
                case "ENTRYPOINT":
                    Entrypoint = instruction;
                    Cmd = null;
                    break;
                case "CMD":
                    Cmd = instruction;
                    break;
            }
        }

        Commands = stage.Instructions.Where(i => i.Keyword == "RUN").SelectMany(RuleHelpers.Commands).ToArray();
        Runtime = ReadRuntime();
    }

    public Stage Stage { get; }

    public string WorkDir { get; } = "/";

    public Instruction? Entrypoint { get; }

    public Instruction? Cmd { get; }

    public IReadOnlyList<ShellCommand> Commands { get; }

    /// <summary>The start command as exec words; empty when the stage sets none.</summary>
    public IReadOnlyList<string> Runtime { get; }

    /// <summary>True when a shell-form start command uses pipes, redirections, variables or chains.</summary>
    public bool RuntimeNeedsShell { get; private set; }

    public string ShellFormText { get; private set; } = "";

    public string Resolve(string path) =>
        path.StartsWith('/') ? path : CombinePath(WorkDir, path.StartsWith("./", StringComparison.Ordinal)
            ? path[2..] : path);

    public bool HasEnv(string name, string? value = null) =>
        Stage.Instructions.Where(i => i.Keyword == "ENV").Any(i => Enumerable.Range(0, i.Arguments.Count / 3)
            .Any(k => i.Arguments[k * 3] == name && (value is null || i.Arguments[(k * 3) + 1].Trim('"') == value)))
        || Stage.Instructions.Any(i => i.Keyword == "RUN"
            && value is not null && i.CommandText.Contains($"{name}={value}", StringComparison.Ordinal));

    private List<string> ReadRuntime()
    {
        var words = new List<string>();
        if (Entrypoint is not null)
        {
            words.AddRange(ExecWords(Entrypoint));
            if (!Entrypoint.IsExecForm)
            {
                return words;
            }
        }

        if (Cmd is not null)
        {
            words.AddRange(ExecWords(Cmd));
        }

        return words;
    }

    private List<string> ExecWords(Instruction instruction)
    {
        if (instruction.IsExecForm)
        {
            return [.. instruction.Arguments];
        }

        var text = instruction.Arguments.Count > 0 ? instruction.Arguments[0] : "";
        ShellFormText = text;
        RuntimeNeedsShell |= text.IndexOfAny(ShellOperators) >= 0;
        return DockerfileAdvisor.Words(text);
    }

    private static string CombinePath(string directory, string path) =>
        directory.EndsWith('/') ? directory + path : directory + "/" + path;
}
