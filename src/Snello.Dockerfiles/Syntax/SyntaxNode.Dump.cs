using System.Text;

namespace Snello.Dockerfiles.Syntax;

public sealed partial class SyntaxNode
{
    /// <summary>
    /// Writes the node as BuildKit's parser tests print it: one parenthesised s-expression per
    /// instruction, keywords in lowercase, flags as a bracketed list and arguments as Go-quoted strings.
    /// </summary>
    public string Dump()
    {
        var text = new StringBuilder();
        text.Append(Value.ToLowerInvariant());

        if (Flags.Count > 0)
        {
            text.Append(" [");
            for (var i = 0; i < Flags.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }

                GoQuote.Append(text, Flags[i]);
            }

            text.Append(']');
        }

        foreach (var child in Children)
        {
            text.Append('(').Append(child.Dump()).Append(")\n");
        }

        for (var node = Next; node is not null; node = node.Next)
        {
            text.Append(' ');
            if (node.Children.Count > 0)
            {
                text.Append(node.Dump());
            }
            else
            {
                GoQuote.Append(text, node.Value);
            }
        }

        return text.ToString().Trim();
    }
}
