namespace Snello.Dockerfiles.Model;

/// <summary>
/// A build stage: a FROM instruction and the instructions up to the next FROM. The last stage is
/// the final one, whose result is the image; the others are builder stages.
/// </summary>
public sealed class Stage
{
    private readonly List<Instruction> _instructions = [];

    internal Stage(int index, Instruction from, string? name, string baseImage, string resolvedBaseImage)
    {
        Index = index;
        From = from;
        Name = name;
        BaseImage = baseImage;
        ResolvedBaseImage = resolvedBaseImage;
    }

    /// <summary>The 0-based position of the stage in the file.</summary>
    public int Index { get; }

    /// <summary>The FROM instruction.</summary>
    public Instruction From { get; }

    /// <summary>The name after <c>AS</c>, as written, or null.</summary>
    public string? Name { get; }

    /// <summary>The base as written in FROM, variables unexpanded.</summary>
    public string BaseImage { get; }

    /// <summary>The base with the global ARG defaults substituted (as BuildKit does for FROM).</summary>
    public string ResolvedBaseImage { get; }

    /// <summary>The earlier stage this stage builds on, when FROM names one.</summary>
    public Stage? BaseStage { get; internal set; }

    /// <summary>True for the last stage, the one whose result is the image.</summary>
    public bool IsFinal { get; internal set; }

    /// <summary>
    /// True when the final image contains this stage's layers: the final stage and the stages it
    /// builds on through FROM.
    /// </summary>
    public bool ShipsInFinalImage { get; internal set; }

    /// <summary>The instructions after FROM, up to the next FROM.</summary>
    public IReadOnlyList<Instruction> Instructions => _instructions;

    /// <summary>
    /// The image at the root of this stage's FROM chain (following stage references), as resolved;
    /// <c>scratch</c> for a stage built from nothing.
    /// </summary>
    public string RootImage => BaseStage?.RootImage ?? ResolvedBaseImage;

    /// <summary>A label for messages: the stage name, or its index.</summary>
    public string DisplayName => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal void Add(Instruction instruction) => _instructions.Add(instruction);
}
