using System.Text;

namespace Snello.Dockerfiles.Syntax;

/// <summary>
/// The per-instruction argument parsers of BuildKit's Dockerfile parser (its line_parsers.go),
/// each turning an instruction's arguments into a chain of nodes.
/// </summary>
internal static class LineParsers
{
    private const string NotStringArray = "when using JSON array syntax, arrays must be comprised of strings only";

    public static (SyntaxNode? Next, bool Json) Dispatch(string keyword, ArgumentText args,
        DockerfileParserState state)
    {
        return keyword.ToLowerInvariant() switch
        {
            "add" or "copy" or "volume" => MaybeJsonToList(args),
            "arg" => NameOrNameValue(args),
            "cmd" or "entrypoint" or "run" or "shell" => MaybeJson(args),
            "env" => (NameValue(args, "ENV"), false),
            "label" => (NameValue(args, "LABEL"), false),
            "expose" or "from" => (WhitespaceDelimited(args), false),
            "healthcheck" => HealthConfig(args),
            "maintainer" or "stopsignal" or "user" or "workdir" => (PlainString(args), false),
            "onbuild" => (SubCommand(args, state), false),
            // BuildKit's parser keeps unknown instructions with one empty argument; the instruction
            // layer rejects them later ("unknown instruction").
            _ => (args.Node("", 0), false),
        };
    }

    private static SyntaxNode? SubCommand(ArgumentText args, DockerfileParserState state)
    {
        if (args.Text.Length == 0)
        {
            return null;
        }

        var child = DockerfileParser.NodeFromLine(args, state, []);
        var holder = args.Node("", 0);
        holder.AddChild(child);
        return holder;
    }

    public static List<(string Word, int Start)> Words(string text, char escapeToken)
    {
        const int inSpaces = 0, inWord = 1, inQuote = 2;
        var words = new List<(string, int)>();
        var phase = inSpaces;
        var quote = '\0';
        var blankOk = false;
        var word = new StringBuilder();
        var start = 0;

        for (var pos = 0; pos <= text.Length; pos++)
        {
            var ch = pos < text.Length ? text[pos] : '\0';
            if (phase == inSpaces)
            {
                if (pos == text.Length)
                {
                    break;
                }

                if (char.IsWhiteSpace(ch))
                {
                    continue;
                }

                phase = inWord;
                start = pos;
            }

            if (pos == text.Length)
            {
                if (blankOk || word.Length > 0)
                {
                    words.Add((word.ToString(), start));
                }

                break;
            }

            if (phase == inWord)
            {
                if (char.IsWhiteSpace(ch))
                {
                    phase = inSpaces;
                    if (blankOk || word.Length > 0)
                    {
                        words.Add((word.ToString(), start));
                    }

                    word.Clear();
                    blankOk = false;
                    continue;
                }

                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                    phase = inQuote;
                }

                if (ch == escapeToken)
                {
                    if (pos + 1 == text.Length)
                    {
                        continue;
                    }

                    // Outside quotes an escape keeps itself and the next character, even a quote.
                    word.Append(ch);
                    pos++;
                    ch = text[pos];
                }

                word.Append(ch);
                continue;
            }

            if (ch == quote)
            {
                phase = inWord;
            }

            // Inside single quotes the escape token has no meaning.
            if (ch == escapeToken && quote != '\'')
            {
                if (pos + 1 == text.Length)
                {
                    phase = inWord;
                    continue;
                }

                pos++;
                word.Append(ch);
                ch = text[pos];
            }

            word.Append(ch);
        }

        return words;
    }

    private static SyntaxNode? NameValue(ArgumentText args, string keyword)
    {
        var words = Words(args.Text, args.EscapeToken);
        if (words.Count == 0)
        {
            return null;
        }

        // The old form "KEY name value" is told from "KEY name=value ..." by whether the first word has '='.
        if (!words[0].Word.Contains('=', StringComparison.Ordinal))
        {
            var parts = SplitWhitespace(args.Text, 2);
            if (parts.Count < 2)
            {
                throw new DockerfileParseException($"{keyword} must have two arguments", 0, 0);
            }

            return KeyValue(args, parts[0].Text, parts[0].Start, parts[1].Text, parts[1].Start, "");
        }

        SyntaxNode? root = null;
        SyntaxNode? last = null;
        foreach (var (word, start) in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new DockerfileParseException(
                    $"Syntax error - can't find = in {GoQuote.Quote(word)}. Must be of the form: name=value", 0, 0);
            }

            var node = KeyValue(args, word[..equals], start, word[(equals + 1)..], start + equals + 1, "=");
            if (last is null)
            {
                root = node;
            }
            else
            {
                last.Next = node;
            }

            last = node.Next!.Next;
        }

        return root;
    }

    private static SyntaxNode KeyValue(ArgumentText args, string key, int keyAt, string value, int valueAt,
        string separator)
    {
        var keyNode = args.Node(key, keyAt);
        var valueNode = args.Node(value, valueAt);
        keyNode.Next = valueNode;
        valueNode.Next = args.Node(separator, valueAt);
        return keyNode;
    }

    private static (SyntaxNode? Next, bool Json) NameOrNameValue(ArgumentText args)
    {
        return (Chain(args, Words(args.Text, args.EscapeToken)), false);
    }

    private static SyntaxNode? WhitespaceDelimited(ArgumentText args)
    {
        if (args.Text.Length == 0)
        {
            return null;
        }

        var parts = SplitWhitespace(args.Text, -1);
        return Chain(args, parts.ConvertAll(part => (part.Text, part.Start)));
    }

    private static SyntaxNode? PlainString(ArgumentText args) =>
        args.Text.Length == 0 ? null : args.Node(args.Text, 0);

    private static (SyntaxNode? Next, bool Json) MaybeJson(ArgumentText args)
    {
        if (args.Text.Length == 0)
        {
            return (null, false);
        }

        var (node, outcome) = Json(args);
        return outcome switch
        {
            JsonArrayOutcome.StringArray => (node, true),
            JsonArrayOutcome.NotStringArray => throw new DockerfileParseException(NotStringArray, 0, 0),
            _ => (args.Node(args.Text, 0), false),
        };
    }

    private static (SyntaxNode? Next, bool Json) MaybeJsonToList(ArgumentText args)
    {
        var (node, outcome) = Json(args);
        return outcome switch
        {
            JsonArrayOutcome.StringArray => (node, true),
            JsonArrayOutcome.NotStringArray => throw new DockerfileParseException(NotStringArray, 0, 0),
            _ => (WhitespaceDelimited(args), false),
        };
    }

    private static (SyntaxNode? Node, JsonArrayOutcome Outcome) Json(ArgumentText args)
    {
        var leading = 0;
        while (leading < args.Text.Length && char.IsWhiteSpace(args.Text[leading]))
        {
            leading++;
        }

        if (leading == args.Text.Length || args.Text[leading] != '[')
        {
            return (null, JsonArrayOutcome.NotJson);
        }

        var outcome = JsonStringArray.Read(args.Text[leading..], out var values, out var offsets);
        if (outcome != JsonArrayOutcome.StringArray)
        {
            return (null, outcome);
        }

        var items = new List<(string, int)>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            items.Add((values[i], leading + offsets[i]));
        }

        return (Chain(args, items), outcome);
    }

    private static (SyntaxNode? Next, bool Json) HealthConfig(ArgumentText args)
    {
        var text = args.Text;
        var sep = 0;
        while (sep < text.Length && !char.IsWhiteSpace(text[sep]))
        {
            sep++;
        }

        var next = sep;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (sep == 0)
        {
            return (null, false);
        }

        var type = args.Node(text[..sep], 0);
        var (command, json) = MaybeJson(args.Slice(next));
        type.Next = command;
        return (type, json);
    }

    private static SyntaxNode? Chain(ArgumentText args, List<(string Text, int Start)> items)
    {
        SyntaxNode? root = null;
        SyntaxNode? last = null;
        foreach (var (text, start) in items)
        {
            var node = args.Node(text, start);
            if (last is null)
            {
                root = node;
            }
            else
            {
                last.Next = node;
            }

            last = node;
        }

        return root;
    }

    /// <summary>
    /// Splits on runs of space, tab, CR, VT and FF as Go's regexp Split does with BuildKit's
    /// <c>[\t\v\f\r ]+</c>: no empty first piece, an empty last piece after trailing white space.
    /// </summary>
    public static List<(string Text, int Start)> SplitWhitespace(string text, int limit)
    {
        var parts = new List<(string, int)>();
        var begin = 0;
        var pos = 0;
        while (pos < text.Length)
        {
            if (!IsTokenSpace(text[pos]))
            {
                pos++;
                continue;
            }

            var matchStart = pos;
            while (pos < text.Length && IsTokenSpace(text[pos]))
            {
                pos++;
            }

            if (limit > 0 && parts.Count == limit - 1)
            {
                break;
            }

            if (pos != 0)
            {
                parts.Add((text[begin..matchStart], begin));
            }

            begin = pos;
        }

        parts.Add((text[begin..], begin));
        return parts;
    }

    public static bool IsTokenSpace(char ch) => ch is ' ' or '\t' or '\r' or '\v' or '\f';
}
