using System.Text;

namespace Snello.Dockerfiles.Linting;

/// <summary>
/// Splits shell text into simple commands at unquoted <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>,
/// <c>&amp;</c>, <c>|</c>, parentheses and newlines. It is a reading aid for rules, not a shell: it
/// does not expand anything, and command substitutions are read as if they were separate commands.
/// </summary>
public static class ShellCommands
{
    private static readonly string[] Wrappers = ["sudo", "env", "nice", "nohup", "time", "exec", "command"];

    /// <summary>Returns the simple commands of <paramref name="text"/> in order.</summary>
    public static IReadOnlyList<ShellCommand> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var commands = new List<ShellCommand>();
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var pipeline = 0;

        void EndWord()
        {
            if (inWord)
            {
                words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
        }

        void EndCommand(bool pipe)
        {
            EndWord();
            if (words.Count > 0)
            {
                commands.Add(Normalise(words, pipeline));
                words = [];
            }

            if (!pipe)
            {
                pipeline++;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            switch (ch)
            {
                case '\\' when i + 1 < text.Length:
                    word.Append(text[++i]);
                    inWord = true;
                    break;
                case '\'' or '"':
                    var close = text.IndexOf(ch, i + 1);
                    if (close < 0)
                    {
                        close = text.Length;
                    }

                    word.Append(text, i + 1, close - i - 1);
                    inWord = true;
                    i = close;
                    break;
                case '|' when i + 1 < text.Length && text[i + 1] == '|':
                    EndCommand(pipe: false);
                    i++;
                    break;
                case '|':
                    EndCommand(pipe: true);
                    break;
                case '&' or ';' or '\n' or '(' or ')' or '`':
                    EndCommand(pipe: false);
                    if (ch == '&' && i + 1 < text.Length && text[i + 1] == '&')
                    {
                        i++;
                    }

                    break;
                case '$' when i + 1 < text.Length && text[i + 1] == '(':
                    EndCommand(pipe: false);
                    i++;
                    break;
                case ' ' or '\t' or '\r':
                    EndWord();
                    break;
                default:
                    word.Append(ch);
                    inWord = true;
                    break;
            }
        }

        EndCommand(pipe: false);
        return commands;
    }

    private static ShellCommand Normalise(List<string> words, int pipeline)
    {
        var start = 0;
        var sudo = false;
        while (start < words.Count)
        {
            var current = words[start];
            if (IsAssignment(current))
            {
                start++;
                continue;
            }

            if (Wrappers.Contains(current, StringComparer.Ordinal))
            {
                sudo |= current == "sudo";
                start++;
                while (start < words.Count && words[start].StartsWith('-'))
                {
                    start++;
                }

                continue;
            }

            break;
        }

        return new ShellCommand(words.Skip(start).ToArray(), pipeline, sudo);
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return false;
        }

        for (var i = 0; i < equals; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(word[i]) || word[i] == '_'))
            {
                return false;
            }
        }

        return !char.IsAsciiDigit(word[0]);
    }
}
