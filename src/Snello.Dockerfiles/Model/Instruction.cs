using Snello.Dockerfiles.Syntax;

namespace Snello.Dockerfiles.Model;

/// <summary>
/// One instruction with its keyword normalised to uppercase, its flags split into names and values
/// and its arguments as strings. The syntax node stays available for exact positions.
/// </summary>
public sealed class Instruction
{
    internal Instruction(SyntaxNode node, Instruction? parent = null)
    {
        Node = node;
        Parent = parent;
        Keyword = node.Value.ToUpperInvariant();
        Arguments = node.Arguments.Select(a => a.Value).ToArray();
        Flags = node.Flags.Select((flag, i) => ParseFlag(flag, node.FlagPositions[i])).ToArray();
        if (Keyword == "ONBUILD" && node.Next is { Children.Count: > 0 } holder)
        {
            Trigger = new Instruction(holder.Children[0], this);
        }
    }

    /// <summary>The syntax node.</summary>
    public SyntaxNode Node { get; }

    /// <summary>The ONBUILD instruction holding this one, when this is an ONBUILD trigger.</summary>
    public Instruction? Parent { get; }

    /// <summary>The keyword in uppercase, such as <c>RUN</c>.</summary>
    public string Keyword { get; }

    /// <summary>The argument values as BuildKit's parser left them (quotes of ENV values kept).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The flags in the order written.</summary>
    public IReadOnlyList<InstructionFlag> Flags { get; }

    /// <summary>The instruction an ONBUILD registers, null otherwise.</summary>
    public Instruction? Trigger { get; }

    /// <summary>True for the exec (JSON array) form.</summary>
    public bool IsExecForm => Node.IsJson;

    /// <summary>Where the keyword starts.</summary>
    public SourcePosition Position => (Parent ?? this).Node.Position with { };

    /// <summary>The first line of the instruction.</summary>
    public int StartLine => (Parent ?? this).Node.StartLine;

    /// <summary>The last line of the instruction, here-documents included.</summary>
    public int EndLine => (Parent ?? this).Node.EndLine;

    /// <summary>The here-documents of the instruction.</summary>
    public IReadOnlyList<Heredoc> Heredocs => (Parent ?? this).Node.Heredocs;

    /// <summary>
    /// The command text for RUN, CMD and ENTRYPOINT: the shell-form text, or the exec-form words
    /// joined by spaces, followed by any here-document bodies.
    /// </summary>
    public string CommandText
    {
        get
        {
            var text = string.Join(' ', Arguments);
            return Heredocs.Count == 0 ? text : text + "\n" + string.Concat(Heredocs.Select(h => h.Content));
        }
    }

    /// <summary>Memo for the linter's reading of the command (see Linting.RuleHelpers.Commands).</summary>
    internal object? CommandsMemo { get; set; }

    /// <summary>Returns the flag named <paramref name="name"/> (without dashes), or null.</summary>
    public InstructionFlag? Flag(string name) =>
        Flags.LastOrDefault(flag => flag.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static InstructionFlag ParseFlag(string text, SourcePosition position)
    {
        var body = text.StartsWith("--", StringComparison.Ordinal) ? text[2..] : text;
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? new InstructionFlag(body, null, position)
            : new InstructionFlag(body[..equals], body[(equals + 1)..], position);
    }

    /// <inheritdoc />
    public override string ToString() => Node.Original.Trim();
}
