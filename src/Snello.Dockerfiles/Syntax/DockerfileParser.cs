using System.Text;
using Snello.Dockerfiles.Shell;

namespace Snello.Dockerfiles.Syntax;

/// <summary>
/// Parses Dockerfile text to BuildKit's grammar (frontend/dockerfile/parser): parser directives,
/// comments, line continuations (comments and empty lines inside them are skipped), here-documents,
/// exec and shell forms, instruction flags and ONBUILD. The tree it returns dumps exactly as
/// BuildKit's parser tests expect. It does not judge instructions (unknown keywords, flags an
/// instruction does not take): the rules do that.
/// </summary>
public static class DockerfileParser
{
    // bufio.Scanner's default limit, which BuildKit keeps: a line may hold 64 KiB including its newline.
    private const int MaxLineBytes = 64 * 1024;

    internal static readonly IReadOnlyDictionary<string, string> EmptyEnvironment =
        new Dictionary<string, string>();

    /// <summary>Parses a Dockerfile held in memory.</summary>
    /// <exception cref="DockerfileParseException">The text has no instructions or does not parse.</exception>
    public static DockerfileSyntax Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SplitLines(text);
        var state = new DockerfileParserState();
        var root = new SyntaxNode("", new SourcePosition(1, 1)) { StartLine = -1 };
        var warnings = new List<ParseWarning>();
        var comments = new List<string>();
        var index = 0;
        var currentLine = 0;

        while (index < lines.Count)
        {
            var raw = lines[index++];
            CheckLength(raw, currentLine + 1);
            if (IsComment(raw))
            {
                comments.Add(TrimNewline(raw).TrimStart()[1..].Trim());
            }

            var (text0, indent) = ProcessLine(state, raw, stripLeft: true, currentLine + 1);
            currentLine++;
            var startLine = currentLine;
            var (first, isEndOfLine) = TrimContinuation(text0, state.EscapeToken);
            if (isEndOfLine && first.Length == 0)
            {
                continue;
            }

            var logical = new LogicalLine();
            logical.Append(first, startLine, indent + 1);
            var hasEmptyContinuation = false;
            while (!isEndOfLine && index < lines.Count)
            {
                var next = lines[index++];
                CheckLength(next, currentLine + 1);
                var (processed, _) = ProcessLine(state, next, stripLeft: false, currentLine + 1);
                currentLine++;
                if (IsComment(next))
                {
                    continue;
                }

                if (processed.AsSpan().TrimStart().Length == 0)
                {
                    hasEmptyContinuation = true;
                    continue;
                }

                (processed, isEndOfLine) = TrimContinuation(processed, state.EscapeToken);
                logical.Append(processed, currentLine, 1);
            }

            var line = logical.ToString();
            if (hasEmptyContinuation)
            {
                warnings.Add(new ParseWarning("Empty continuation line found in: " + line, currentLine));
            }

            SyntaxNode child;
            try
            {
                child = NodeFromLine(new ArgumentText(line, 0, logical, state.EscapeToken), state, comments);
            }
            catch (DockerfileParseException error) when (error.StartLine == 0)
            {
                throw new DockerfileParseException(error.Reason, startLine, currentLine);
            }

            if (CanContainHeredoc(child) && line.Contains("<<", StringComparison.Ordinal))
            {
                foreach (var heredoc in HeredocsFromLine(line, startLine, currentLine))
                {
                    var content = new StringBuilder();
                    var terminated = false;
                    while (index < lines.Count)
                    {
                        var body = lines[index++];
                        currentLine++;
                        var candidate = TrimNewline(body);
                        if (heredoc.Chomp)
                        {
                            candidate = candidate.TrimStart('\t');
                        }

                        if (candidate == heredoc.Name)
                        {
                            terminated = true;
                            break;
                        }

                        content.Append(body);
                    }

                    if (!terminated)
                    {
                        throw new DockerfileParseException("unterminated heredoc", startLine, currentLine);
                    }

                    child.AddHeredoc(heredoc with { Content = content.ToString() });
                }
            }

            child.StartLine = startLine;
            child.EndLine = currentLine;
            if (root.StartLine < 0)
            {
                root.StartLine = startLine;
            }

            root.EndLine = currentLine;
            root.AddChild(child);
            comments = [];
        }

        if (root.StartLine < 0)
        {
            throw new DockerfileParseException("file with no instructions", currentLine, currentLine);
        }

        var physical = lines.ConvertAll(TrimNewline);
        return new DockerfileSyntax(root, state.EscapeToken, state.Directives, warnings, physical);
    }

    internal static SyntaxNode NodeFromLine(ArgumentText line, DockerfileParserState state, List<string> comments)
    {
        var text = line.Text;
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var keywordEnd = start;
        while (keywordEnd < end && !LineParsers.IsTokenSpace(text[keywordEnd]))
        {
            keywordEnd++;
        }

        var keyword = text[start..keywordEnd];
        var restStart = keywordEnd;
        while (restStart < end && LineParsers.IsTokenSpace(text[restStart]))
        {
            restStart++;
        }

        var flags = new List<string>();
        var flagStarts = new List<int>();
        var args = new ArgumentText("", line.Offset + end, line.Line, line.EscapeToken);
        if (keywordEnd < end)
        {
            var rest = text[restStart..end];
            var argsAt = BuilderFlags.Extract(rest, flags, flagStarts);
            var argsText = rest[argsAt..];
            var lead = 0;
            while (lead < argsText.Length && char.IsWhiteSpace(argsText[lead]))
            {
                lead++;
            }

            args = new ArgumentText(argsText.Trim(), line.Offset + restStart + argsAt + lead, line.Line,
                line.EscapeToken);
        }

        var (next, json) = LineParsers.Dispatch(keyword, args, state);
        var node = new SyntaxNode(keyword, line.Line.PositionAt(line.Offset + start))
        {
            Next = next,
            IsJson = json,
            Original = text,
            Flags = flags,
            FlagPositions = flagStarts.ConvertAll(at => line.Line.PositionAt(line.Offset + restStart + at)),
            PrevComment = comments.ToArray(),
        };
        return node;
    }

    private static bool CanContainHeredoc(SyntaxNode node)
    {
        if (node.Value.Equals("onbuild", StringComparison.OrdinalIgnoreCase) && node.Next?.Children.Count > 0)
        {
            node = node.Next.Children[0];
        }

        var keyword = node.Value.ToLowerInvariant();
        return keyword is "add" or "copy" or "run" && !node.IsJson;
    }

    private static List<Heredoc> HeredocsFromLine(string line, int startLine, int endLine)
    {
        IReadOnlyList<string> words;
        try
        {
            var lexer = new ShellLexer('\\') { RawQuotes = true, RawEscapes = true, SkipUnsetEnv = true };
            words = lexer.ProcessWords(line, EmptyEnvironment);
        }
        catch (ShellExpansionException)
        {
            // BuildKit ignores a lexing failure here: the line then simply has no here-documents.
            return [];
        }

        var heredocs = new List<Heredoc>();
        foreach (var word in words)
        {
            try
            {
                if (HeredocWord.TryParse(word) is { } heredoc)
                {
                    heredocs.Add(heredoc);
                }
            }
            catch (ShellExpansionException error)
            {
                throw new DockerfileParseException(error.Message, startLine, endLine);
            }
        }

        return heredocs;
    }

    private static (string Text, int Indent) ProcessLine(DockerfileParserState state, string raw, bool stripLeft,
        int lineNumber)
    {
        var token = TrimNewline(raw);
        var indent = 0;
        if (stripLeft)
        {
            while (indent < token.Length && char.IsWhiteSpace(token[indent]))
            {
                indent++;
            }

            token = token[indent..];
        }

        state.ReadPossibleDirective(token, lineNumber);
        return (token.StartsWith('#') ? "" : token, indent);
    }

    private static bool IsComment(string raw) => TrimNewline(raw).AsSpan().TrimStart().StartsWith("#");

    /// <summary>
    /// Removes a trailing escape token (and the blanks after it) that continues the line. As in
    /// BuildKit, an escape token preceded by another escape token is not a continuation.
    /// </summary>
    private static (string Text, bool IsEndOfLine) TrimContinuation(string line, char escapeToken)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is ' ' or '\t')
        {
            end--;
        }

        if (end == 0 || line[end - 1] != escapeToken)
        {
            return (line, true);
        }

        if (end >= 2 && line[end - 2] == escapeToken)
        {
            return (line, true);
        }

        return (line[..(end - 1)], false);
    }

    private static string TrimNewline(string line) => line.TrimEnd('\r', '\n');

    private static List<string> SplitLines(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static void CheckLength(string line, int lineNumber)
    {
        if (line.Length * 3 > MaxLineBytes && Encoding.UTF8.GetByteCount(line) > MaxLineBytes)
        {
            throw new DockerfileParseException(
                $"dockerfile line greater than max allowed size of {MaxLineBytes - 1}", lineNumber, lineNumber);
        }
    }
}
