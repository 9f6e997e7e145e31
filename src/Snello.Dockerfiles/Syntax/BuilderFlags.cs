using System.Text;

namespace Snello.Dockerfiles.Syntax;

/// <summary>Reads the <c>--name=value</c> flags at the start of an instruction's arguments.</summary>
internal static class BuilderFlags
{
    /// <summary>
    /// Collects the leading flags of <paramref name="line"/> into <paramref name="flags"/> and returns
    /// the offset where the arguments start. A lone <c>--</c> ends the flags. Flags take the
    /// backslash as their escape character whatever the escape directive says, as in BuildKit.
    /// </summary>
    public static int Extract(string line, List<string> flags, List<int> starts)
    {
        const int inSpaces = 0, inWord = 1, inQuote = 2;
        var phase = inSpaces;
        var word = new StringBuilder();
        var quote = '\0';
        var blankOk = false;
        var wordStart = 0;

        for (var pos = 0; pos <= line.Length; pos++)
        {
            var ch = pos < line.Length ? line[pos] : '\0';
            if (phase == inSpaces)
            {
                if (pos == line.Length)
                {
                    break;
                }

                if (char.IsWhiteSpace(ch))
                {
                    continue;
                }

                if (ch != '-' || pos + 1 == line.Length || line[pos + 1] != '-')
                {
                    return pos;
                }

                phase = inWord;
                wordStart = pos;
            }

            if (pos == line.Length)
            {
                if (!IsDoubleDash(word) && (blankOk || word.Length > 0))
                {
                    flags.Add(word.ToString());
                    starts.Add(wordStart);
                }

                break;
            }

            if (phase == inWord)
            {
                if (char.IsWhiteSpace(ch))
                {
                    phase = inSpaces;
                    if (IsDoubleDash(word))
                    {
                        return pos;
                    }

                    if (blankOk || word.Length > 0)
                    {
                        flags.Add(word.ToString());
                        starts.Add(wordStart);
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
                    continue;
                }

                if (ch == '\\')
                {
                    if (pos + 1 == line.Length)
                    {
                        continue;
                    }

                    pos++;
                    ch = line[pos];
                }

                word.Append(ch);
                continue;
            }

            if (ch == quote)
            {
                phase = inWord;
                continue;
            }

            if (ch == '\\')
            {
                if (pos + 1 == line.Length)
                {
                    phase = inWord;
                    continue;
                }

                pos++;
                ch = line[pos];
            }

            word.Append(ch);
        }

        return line.Length;
    }

    private static bool IsDoubleDash(StringBuilder word) => word.Length == 2 && word[0] == '-' && word[1] == '-';
}
