using Snello.Dockerfiles.Model;

namespace Snello.Dockerfiles.Linting;

/// <summary>Readings of a Dockerfile that several rules share.</summary>
public static class RuleHelpers
{
    /// <summary>The instructions of the Dockerfile reference.</summary>
    public static IReadOnlySet<string> KnownInstructions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
        "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    private static readonly string[] Shells = ["sh", "bash", "ash", "dash", "zsh", "ksh", "busybox"];

    /// <summary>The instruction followed by its ONBUILD trigger, if any.</summary>
    public static IEnumerable<Instruction> WithTrigger(Instruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        yield return instruction;
        if (instruction.Trigger is not null)
        {
            yield return instruction.Trigger;
        }
    }

    /// <summary>Every instruction of every stage (FROM included) with its stage.</summary>
    public static IEnumerable<(Stage Stage, Instruction Instruction)> StageInstructions(this Dockerfile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var stage in file.Stages)
        {
            yield return (stage, stage.From);
            foreach (var instruction in stage.Instructions)
            {
                yield return (stage, instruction);
            }
        }
    }

    /// <summary>The stage holding <paramref name="instruction"/>, or null before the first FROM.</summary>
    public static Stage? StageOf(this Dockerfile file, Instruction instruction)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(instruction);
        var line = instruction.StartLine;
        return file.Stages.LastOrDefault(stage => stage.From.StartLine <= line);
    }

    /// <summary>
    /// The simple commands a RUN executes: its shell-form text and here-documents, or for the exec
    /// form the words themselves (and the script of <c>sh -c</c>).
    /// </summary>
    public static IReadOnlyList<ShellCommand> Commands(Instruction run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.CommandsMemo is IReadOnlyList<ShellCommand> known)
        {
            return known;
        }

        var commands = ReadCommands(run);
        run.CommandsMemo = commands;
        return commands;
    }

    private static IReadOnlyList<ShellCommand> ReadCommands(Instruction run)
    {
        if (!run.IsExecForm)
        {
            return ShellCommands.Parse(run.CommandText);
        }

        var words = run.Arguments;
        if (words.Count >= 3 && Shells.Contains(Path.GetFileName(words[0]), StringComparer.Ordinal)
            && words[1] == "-c")
        {
            return ShellCommands.Parse(words[2]);
        }

        return [new ShellCommand(words.ToArray(), 0, false)];
    }

    /// <summary>True when the last USER of the list names root (user 0, group ignored).</summary>
    public static bool IsRootUser(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Split(':')[0].Trim();
        return name is "root" or "0" or "";
    }

    /// <summary>True when <paramref name="program"/> is a shell.</summary>
    public static bool IsShell(string program) => Shells.Contains(program, StringComparer.Ordinal);
}
