namespace Snello.Dockerfiles.Syntax;

/// <summary>
/// A node of the Dockerfile syntax tree, shaped as BuildKit shapes it: an instruction node holds the
/// keyword in <see cref="Value"/> and its arguments as a chain of <see cref="Next"/> nodes; ONBUILD
/// holds its inner instruction as the single child of its first argument node.
/// </summary>
public sealed partial class SyntaxNode
{
    private List<SyntaxNode>? _children;
    private List<Heredoc>? _heredocs;

    /// <summary>Creates a node with the given text at <paramref name="position"/>.</summary>
    public SyntaxNode(string value, SourcePosition position)
    {
        Value = value;
        Position = position;
    }

    /// <summary>The keyword (as written) for an instruction node, the argument text otherwise.</summary>
    public string Value { get; }

    /// <summary>Where this node's text starts in the file.</summary>
    public SourcePosition Position { get; }

    /// <summary>The next argument, or null at the end of the chain.</summary>
    public SyntaxNode? Next { get; internal set; }

    /// <summary>Sub-instructions: the instructions of the root, or the inner instruction of ONBUILD.</summary>
    public IReadOnlyList<SyntaxNode> Children => (IReadOnlyList<SyntaxNode>?)_children ?? [];

    /// <summary>The here-documents of a RUN, COPY or ADD instruction, in the order they were opened.</summary>
    public IReadOnlyList<Heredoc> Heredocs => (IReadOnlyList<Heredoc>?)_heredocs ?? [];

    /// <summary>The instruction flags as written, such as <c>--from=build</c>.</summary>
    public IReadOnlyList<string> Flags { get; internal set; } = [];

    /// <summary>Where each of <see cref="Flags"/> starts.</summary>
    public IReadOnlyList<SourcePosition> FlagPositions { get; internal set; } = [];

    /// <summary>True when the arguments were a JSON array (the exec form).</summary>
    public bool IsJson { get; internal set; }

    /// <summary>The logical line of the instruction after joining continuation lines.</summary>
    public string Original { get; internal set; } = "";

    /// <summary>The 1-based first line of the instruction.</summary>
    public int StartLine { get; internal set; }

    /// <summary>The 1-based last line of the instruction, including continuations and here-documents.</summary>
    public int EndLine { get; internal set; }

    /// <summary>The comment lines directly above the instruction, without their <c>#</c>.</summary>
    public IReadOnlyList<string> PrevComment { get; internal set; } = [];

    /// <summary>The argument values in order (the <see cref="Next"/> chain).</summary>
    public IEnumerable<SyntaxNode> Arguments
    {
        get
        {
            for (var node = Next; node is not null; node = node.Next)
            {
                yield return node;
            }
        }
    }

    internal void AddChild(SyntaxNode child) => (_children ??= []).Add(child);

    internal void AddHeredoc(Heredoc heredoc) => (_heredocs ??= []).Add(heredoc);
}
