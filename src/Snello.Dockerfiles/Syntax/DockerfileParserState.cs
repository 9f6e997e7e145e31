namespace Snello.Dockerfiles.Syntax;

/// <summary>What the parser carries from line to line: the escape token and the directives seen.</summary>
internal sealed class DockerfileParserState
{
    private readonly HashSet<string> _seen = [];

    public char EscapeToken { get; private set; } = '\\';

    public bool DirectivesDone { get; private set; }

    public List<ParserDirective> Directives { get; } = [];

    /// <summary>
    /// Looks for a parser directive (Dockerfile reference, "Parser directives"): only before the
    /// first instruction, blank line or other comment; each at most once.
    /// </summary>
    public void ReadPossibleDirective(string line, int lineNumber)
    {
        if (DirectivesDone)
        {
            return;
        }

        if (!line.StartsWith('#'))
        {
            DirectivesDone = true;
            return;
        }

        var match = DirectiveSyntax.Pattern().Match(line.AsSpan(1).TrimStart().ToString());
        if (!match.Success)
        {
            DirectivesDone = true;
            return;
        }

        var name = match.Groups[1].Value.ToLowerInvariant();
        if (name is not ("syntax" or "escape" or "check"))
        {
            DirectivesDone = true;
            return;
        }

        if (!_seen.Add(name))
        {
            throw new DockerfileParseException($"only one {name} parser directive can be used", lineNumber,
                lineNumber);
        }

        var value = match.Groups[2].Value;
        if (name == "escape")
        {
            if (value is not ("`" or "\\"))
            {
                throw new DockerfileParseException($"invalid escape token '{value}' does not match ` or \\",
                    lineNumber, lineNumber);
            }

            EscapeToken = value[0];
        }

        Directives.Add(new ParserDirective(name, value, lineNumber));
    }
}
