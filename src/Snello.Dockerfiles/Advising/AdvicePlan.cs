namespace Snello.Dockerfiles.Advising;

/// <summary>What goes into the final stage, decided per stack before the text is written.</summary>
internal sealed class AdvicePlan
{
    public required StackKind Stack { get; init; }

    public required string FinalBase { get; init; }

    public required string User { get; init; }

    public List<(string Source, string Destination)> Copies { get; } = [];

    public List<string> Entrypoint { get; } = [];

    public List<(string Name, string Value)> Env { get; } = [];

    public List<string> Notes { get; } = [];
}
