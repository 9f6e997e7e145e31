namespace Snello.Dockerfiles.Shell;

/// <summary>The outcome of expanding one word.</summary>
/// <param name="Result">The expanded text, white space kept.</param>
/// <param name="Words">The expanded text split into words outside quotes.</param>
/// <param name="Unmatched">Names referenced but not set.</param>
public sealed record ShellExpansion(string Result, IReadOnlyList<string> Words, IReadOnlySet<string> Unmatched);
