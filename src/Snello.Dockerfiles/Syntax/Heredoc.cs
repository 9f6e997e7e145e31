namespace Snello.Dockerfiles.Syntax;

/// <summary>
/// A here-document attached to a RUN, COPY or ADD instruction (<c>&lt;&lt;EOF</c> ... <c>EOF</c>).
/// </summary>
/// <param name="Name">The delimiter word, with its quotes removed.</param>
/// <param name="FileDescriptor">The file descriptor written before <c>&lt;&lt;</c>, 0 when none.</param>
/// <param name="Expand">False when any part of the delimiter was quoted: the content is then literal.</param>
/// <param name="Chomp">True for <c>&lt;&lt;-</c>: leading tabs are removed from the content lines.</param>
/// <param name="Content">The lines between the instruction and the delimiter, each with its newline.</param>
public sealed record Heredoc(string Name, ulong FileDescriptor, bool Expand, bool Chomp, string Content);
