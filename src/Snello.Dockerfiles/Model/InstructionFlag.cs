using Snello.Dockerfiles.Syntax;

namespace Snello.Dockerfiles.Model;

/// <summary>An instruction flag such as <c>--from=build</c>: name <c>from</c>, value <c>build</c>.</summary>
/// <param name="Name">The name without its leading dashes.</param>
/// <param name="Value">The text after <c>=</c>, or null for a bare flag such as <c>--link</c>.</param>
/// <param name="Position">Where the flag starts.</param>
public sealed record InstructionFlag(string Name, string? Value, SourcePosition Position);
