using Snello.Dockerfiles.Shell;
using Snello.Dockerfiles.Syntax;

namespace Snello.Dockerfiles.Model;

/// <summary>
/// A Dockerfile read into build stages: the ARGs before the first FROM (global, usable in FROM),
/// then each stage with its base resolved and its links to earlier stages.
/// </summary>
public sealed class Dockerfile
{
    /// <summary>
    /// Dockerfile reference, "Automatic platform ARGs in the global scope". Snello resolves FROM
    /// lines as for a linux/amd64 build; the builder sets the real platform.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AutomaticArgs { get; } = new Dictionary<string, string>
    {
        ["TARGETPLATFORM"] = "linux/amd64", ["TARGETOS"] = "linux", ["TARGETARCH"] = "amd64",
        ["TARGETVARIANT"] = "", ["BUILDPLATFORM"] = "linux/amd64", ["BUILDOS"] = "linux",
        ["BUILDARCH"] = "amd64", ["BUILDVARIANT"] = "",
    };

    private Dockerfile(DockerfileSyntax syntax, string? path)
    {
        Syntax = syntax;
        Path = path;
    }

    /// <summary>The syntax tree.</summary>
    public DockerfileSyntax Syntax { get; }

    /// <summary>The file the text came from, when known.</summary>
    public string? Path { get; }

    /// <summary>Every instruction in file order (ONBUILD triggers not flattened).</summary>
    public IReadOnlyList<Instruction> Instructions { get; private set; } = [];

    /// <summary>Instructions before the first FROM (BuildKit accepts only ARG there).</summary>
    public IReadOnlyList<Instruction> Preamble { get; private set; } = [];

    /// <summary>The global ARG names with their default values (null when declared without one).</summary>
    public IReadOnlyDictionary<string, string?> GlobalArgs { get; private set; } =
        new Dictionary<string, string?>();

    /// <summary>The stages in file order.</summary>
    public IReadOnlyList<Stage> Stages { get; private set; } = [];

    /// <summary>The last stage, or null when there is no FROM.</summary>
    public Stage? FinalStage => Stages.Count == 0 ? null : Stages[^1];

    /// <summary>Parses <paramref name="text"/> and reads its stages.</summary>
    /// <exception cref="DockerfileParseException">The text does not parse.</exception>
    public static Dockerfile Parse(string text, string? path = null) => From(DockerfileParser.Parse(text), path);

    /// <summary>Reads the stages of an already parsed file.</summary>
    public static Dockerfile From(DockerfileSyntax syntax, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var file = new Dockerfile(syntax, path);
        var instructions = syntax.Instructions.Select(node => new Instruction(node)).ToArray();
        var preamble = new List<Instruction>();
        var globals = new Dictionary<string, string?>(StringComparer.Ordinal);
        var stages = new List<Stage>();
        Stage? current = null;

        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                current = ReadStage(stages.Count, instruction, globals, stages);
                stages.Add(current);
                continue;
            }

            if (current is null)
            {
                preamble.Add(instruction);
                if (instruction.Keyword == "ARG")
                {
                    // A default may use the global ARGs declared before it: ARG IMAGE=${BASE}:12.
                    var known = globals.Where(g => g.Value is not null)
                        .ToDictionary(g => g.Key, g => g.Value!, StringComparer.Ordinal);
                    foreach (var (name, value) in ArgDeclarations(instruction, known))
                    {
                        globals[name] = value;
                    }
                }

                continue;
            }

            current.Add(instruction);
        }

        if (stages.Count > 0)
        {
            stages[^1].IsFinal = true;
            for (var stage = stages[^1]; stage is not null; stage = stage.BaseStage)
            {
                stage.ShipsInFinalImage = true;
            }
        }

        file.Instructions = instructions;
        file.Preamble = preamble;
        file.GlobalArgs = globals;
        file.Stages = stages;
        return file;
    }

    /// <summary>Returns the stage named <paramref name="name"/> (case-insensitive) or at that index.</summary>
    public Stage? FindStage(string name, int before = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var stage in Stages)
        {
            if (stage.Index >= before)
            {
                break;
            }

            if (stage.Name is not null && stage.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return stage;
            }
        }

        return int.TryParse(name, out var index) && index >= 0 && index < Math.Min(before, Stages.Count)
            ? Stages[index]
            : null;
    }

    /// <summary>
    /// Splits an ARG instruction into names and default values (quotes removed, variables of
    /// <paramref name="env"/> expanded, others left as written).
    /// </summary>
    public static IEnumerable<(string Name, string? Value)> ArgDeclarations(Instruction arg,
        IReadOnlyDictionary<string, string>? env = null)
    {
        ArgumentNullException.ThrowIfNull(arg);
        env ??= DockerfileParser.EmptyEnvironment;
        foreach (var word in arg.Arguments)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                yield return (word, null);
                continue;
            }

            yield return (word[..equals], Unquote(word[(equals + 1)..], env));
        }
    }

    private static string Unquote(string value, IReadOnlyDictionary<string, string> env)
    {
        try
        {
            return new ShellLexer { SkipUnsetEnv = true }.ProcessWord(value, env);
        }
        catch (ShellExpansionException)
        {
            return value;
        }
    }

    private static Stage ReadStage(int index, Instruction from, Dictionary<string, string?> globals,
        List<Stage> earlier)
    {
        var args = from.Arguments;
        var image = args.Count > 0 ? args[0] : "";
        string? name = args.Count == 3 && args[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? args[2] : null;

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in AutomaticArgs)
        {
            env[key] = value;
        }

        foreach (var (key, value) in globals)
        {
            env[key] = value ?? "";
        }

        string resolved;
        try
        {
            resolved = new ShellLexer().ProcessWord(image, env);
        }
        catch (ShellExpansionException)
        {
            resolved = image;
        }

        var stage = new Stage(index, from, name, image, resolved);
        stage.BaseStage = earlier.LastOrDefault(s =>
            s.Name is not null && s.Name.Equals(resolved, StringComparison.OrdinalIgnoreCase));
        return stage;
    }
}
