using System.Text;
using System.Text.RegularExpressions;

namespace Snello.Dockerfiles.Shell;

/// <summary>
/// Shell wildcard patterns of parameter expansion (POSIX sh 2.13, without bracket expressions, as
/// BuildKit supports them): <c>?</c> is one character, <c>*</c> any run, <c>\</c> escapes.
/// </summary>
internal static class ShellPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static string TrimPrefix(string pattern, string value, bool greedy)
    {
        var regex = ToRegex(pattern, greedy, anchored: true);
        var match = Match(regex, value, pattern);
        return match.Success ? value[(match.Index + match.Length)..] : value;
    }

    public static string TrimSuffix(string pattern, string value, bool greedy)
    {
        // A regular expression finds the leftmost match, not the shortest rightmost one, so both the
        // pattern and the value are reversed and the suffix becomes a prefix.
        var trimmed = TrimPrefix(ReversePattern(pattern), Reverse(value), greedy);
        return Reverse(trimmed);
    }

    public static string Replace(string pattern, string value, string replacement, bool all)
    {
        var regex = ToRegex(pattern, greedy: true, anchored: false);
        if (all)
        {
            try
            {
                return regex.Replace(value, replacement);
            }
            catch (RegexMatchTimeoutException)
            {
                throw new ShellExpansionException($"pattern ({pattern}) is too costly to match", value);
            }
        }

        var match = Match(regex, value, pattern);
        return match.Success
            ? string.Concat(value.AsSpan(0, match.Index), replacement, value.AsSpan(match.Index + match.Length))
            : value;
    }

    private static Match Match(Regex regex, string value, string pattern)
    {
        try
        {
            return regex.Match(value);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new ShellExpansionException($"pattern ({pattern}) is too costly to match", value);
        }
    }

    private static Regex ToRegex(string pattern, bool greedy, bool anchored)
    {
        var text = new StringBuilder(pattern.Length + 4);
        if (anchored)
        {
            text.Append('^');
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            switch (ch)
            {
                case '*':
                    text.Append(greedy ? ".*" : ".*?");
                    continue;
                case '?':
                    text.Append('.');
                    continue;
                case '\\':
                    var next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
                    // \} and \/ are escapes of the ${} syntax, not of the pattern.
                    if (next is '}' or '/')
                    {
                        continue;
                    }

                    if (next is not ('*' or '?' or '\\'))
                    {
                        throw new ShellExpansionException(
                            $"invalid pattern ({pattern}) in substitution: invalid escape '\\{next}'");
                    }

                    text.Append('\\').Append(next);
                    i++;
                    continue;
                case '[' or ']' or '{' or '}' or '.' or '+' or '(' or ')' or '|' or '^' or '$':
                    text.Append('\\').Append(ch);
                    continue;
                default:
                    text.Append(Regex.Escape(ch.ToString()));
                    continue;
            }
        }

        return new Regex(text.ToString(), RegexOptions.CultureInvariant, MatchTimeout);
    }

    private static string ReversePattern(string pattern)
    {
        var output = new char[pattern.Length];
        var last = pattern.Length - 1;
        for (var i = 0; i <= last;)
        {
            var outIndex = last - i;
            if (pattern[i] == '\\' && i != last)
            {
                output[outIndex - 1] = '\\';
                output[outIndex] = pattern[i + 1];
                i += 2;
            }
            else
            {
                output[outIndex] = pattern[i];
                i++;
            }
        }

        return new string(output);
    }

    private static string Reverse(string value)
    {
        var chars = value.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
