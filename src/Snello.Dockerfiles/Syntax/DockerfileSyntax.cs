namespace Snello.Dockerfiles.Syntax;

/// <summary>A parsed Dockerfile: its instructions, parser directives and parser warnings.</summary>
public sealed class DockerfileSyntax
{
    internal DockerfileSyntax(SyntaxNode root, char escapeToken, IReadOnlyList<ParserDirective> directives,
        IReadOnlyList<ParseWarning> warnings, IReadOnlyList<string> lines)
    {
        Root = root;
        EscapeToken = escapeToken;
        Directives = directives;
        Warnings = warnings;
        Lines = lines;
    }

    /// <summary>The root node; its children are the instructions in file order.</summary>
    public SyntaxNode Root { get; }

    /// <summary>The instructions in file order.</summary>
    public IReadOnlyList<SyntaxNode> Instructions => Root.Children;

    /// <summary>The escape token in force: <c>\</c> unless an <c>escape</c> directive chose <c>`</c>.</summary>
    public char EscapeToken { get; }

    /// <summary>The parser directives found at the top of the file.</summary>
    public IReadOnlyList<ParserDirective> Directives { get; }

    /// <summary>What the parser accepted with a warning.</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; }

    /// <summary>The physical lines of the file without their line endings (index 0 is line 1).</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The syntax tree in BuildKit's test dump format, one line per instruction.</summary>
    public string Dump() => Root.Dump() + "\n";
}
