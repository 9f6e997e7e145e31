namespace Snello.Dockerfiles.Linting;

/// <summary>
/// A simple command inside a RUN line: its words with quotes removed, leading variable
/// assignments and <c>sudo</c>/<c>env</c> wrappers skipped.
/// </summary>
/// <param name="Words">The words, program first.</param>
/// <param name="Pipeline">The index of the pipeline the command belongs to.</param>
/// <param name="UsesSudo">True when the command was run through sudo.</param>
public sealed record ShellCommand(IReadOnlyList<string> Words, int Pipeline, bool UsesSudo)
{
    /// <summary>The program name without its directory, or empty.</summary>
    public string Program => Words.Count == 0 ? "" : System.IO.Path.GetFileName(Words[0]);

    /// <summary>True when any word equals one of <paramref name="words"/>.</summary>
    public bool Has(params string[] words) => Words.Any(w => words.Contains(w, StringComparer.Ordinal));

    /// <summary>True when a word starts with <paramref name="prefix"/>.</summary>
    public bool HasPrefix(string prefix) => Words.Any(w => w.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The first word after the program that is not an option, or empty.</summary>
    public string Subcommand => Words.Skip(1).FirstOrDefault(w => !w.StartsWith('-')) ?? "";
}
