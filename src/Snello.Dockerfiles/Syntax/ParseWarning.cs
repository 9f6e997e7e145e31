namespace Snello.Dockerfiles.Syntax;

/// <summary>Something the parser accepted but BuildKit warns about, such as an empty continuation line.</summary>
/// <param name="Message">What was found.</param>
/// <param name="Line">The 1-based line of the instruction's last line.</param>
public sealed record ParseWarning(string Message, int Line);
