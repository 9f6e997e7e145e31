using System.Globalization;
using System.Text.RegularExpressions;
using Snello.Dockerfiles.Shell;

namespace Snello.Dockerfiles.Syntax;

/// <summary>Recognises a here-document opener such as <c>&lt;&lt;EOF</c>, <c>2&lt;&lt;-'END'</c>.</summary>
internal static partial class HeredocWord
{
    [GeneratedRegex(@"^([0-9]*)<<(-?)([^<]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Returns the here-document a word opens, or null when it opens none.</summary>
    /// <exception cref="ShellExpansionException">The delimiter does not lex.</exception>
    public static Heredoc? TryParse(string word)
    {
        var match = Pattern().Match(word);
        if (!match.Success)
        {
            return null;
        }

        var rest = match.Groups[3].Value;
        if (rest.Length == 0)
        {
            return null;
        }

        _ = ulong.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var fd);
        var chomp = match.Groups[2].Value == "-";

        // Lex the delimiter with and without its quotes: if the counts of quote characters differ,
        // part of it was quoted and the content is not expanded (POSIX sh 2.7.4).
        var plain = new ShellLexer('\\') { SkipUnsetEnv = true }.ProcessWords(rest,
            DockerfileParser.EmptyEnvironment);
        if (plain.Count != 1)
        {
            return null;
        }

        var raw = new ShellLexer('\\') { SkipUnsetEnv = true, RawQuotes = true }
            .ProcessWords(rest, DockerfileParser.EmptyEnvironment);
        if (raw.Count != plain.Count)
        {
            throw new ShellExpansionException("internal lexing of heredoc produced inconsistent results", rest);
        }

        var expand = QuoteCount(plain[0]) == QuoteCount(raw[0]);
        return new Heredoc(plain[0], fd, expand, chomp, "");
    }

    private static int QuoteCount(string text) => text.Count(ch => ch is '\'' or '"');
}
