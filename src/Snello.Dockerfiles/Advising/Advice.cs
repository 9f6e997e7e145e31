namespace Snello.Dockerfiles.Advising;

/// <summary>The advisor's rewrite of a Dockerfile.</summary>
/// <param name="Stack">The stack the advisor recognised.</param>
/// <param name="FinalBase">The final stage's base image.</param>
/// <param name="Dockerfile">The multi-stage Dockerfile text.</param>
/// <param name="Notes">What changed and what the user must check, also written as comments in the text.</param>
public sealed record Advice(StackKind Stack, string FinalBase, string Dockerfile, IReadOnlyList<string> Notes);
