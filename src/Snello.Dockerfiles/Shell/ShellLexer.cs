using System.Text;

namespace Snello.Dockerfiles.Shell;

/// <summary>
/// Expands variables and splits words as BuildKit does for Dockerfile instructions (its
/// <c>shell</c> package, itself modelled on POSIX sh, XCU 2.6.2): <c>$v</c>, <c>${v}</c>,
/// <c>${v:-w}</c>, <c>${v-w}</c>, <c>${v:+w}</c>, <c>${v+w}</c>, <c>${v:?w}</c>, <c>${v#p}</c>,
/// <c>${v##p}</c>, <c>${v%p}</c>, <c>${v%%p}</c>, <c>${v/p/r}</c> and <c>${v//p/r}</c>, single and
/// double quotes, and the escape token. Command substitution and arithmetic are not expanded:
/// BuildKit does not expand them either.
/// </summary>
public sealed partial class ShellLexer
{
    private const int Eof = -1;

    private readonly char _escapeToken;
    private string _source = "";
    private int _pos;
    private bool _rawEscapes;
    private IReadOnlyDictionary<string, string> _env = new Dictionary<string, string>();
    private HashSet<string> _unmatched = [];

    /// <summary>Creates a lexer whose escape character is <paramref name="escapeToken"/> (\ or `).</summary>
    public ShellLexer(char escapeToken = '\\')
    {
        _escapeToken = escapeToken;
    }

    /// <summary>Keep quote characters in the output.</summary>
    public bool RawQuotes { get; init; }

    /// <summary>Keep escape characters in the output.</summary>
    public bool RawEscapes { get; init; }

    /// <summary>Treat quotes as ordinary characters.</summary>
    public bool SkipProcessQuotes { get; init; }

    /// <summary>Leave references to unset variables as written instead of expanding them to nothing.</summary>
    public bool SkipUnsetEnv { get; init; }

    /// <summary>Expands <paramref name="word"/> against <paramref name="env"/>.</summary>
    /// <exception cref="ShellExpansionException">A quote or brace is unmatched or a substitution is
    /// invalid.</exception>
    public ShellExpansion Process(string word, IReadOnlyDictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(env);
        _source = word;
        _pos = 0;
        _env = env;
        _rawEscapes = RawEscapes;
        _unmatched = [];
        try
        {
            var (result, words) = ProcessStopOn(Eof, RawEscapes);
            return new ShellExpansion(result, words, _unmatched);
        }
        catch (ShellExpansionException error) when (error.Word.Length == 0)
        {
            throw new ShellExpansionException(error.Reason, word);
        }
    }

    /// <summary>Expands <paramref name="word"/> and returns the text.</summary>
    /// <exception cref="ShellExpansionException">A quote or brace is unmatched or a substitution is
    /// invalid.</exception>
    public string ProcessWord(string word, IReadOnlyDictionary<string, string> env) => Process(word, env).Result;

    /// <summary>Expands <paramref name="word"/> and returns it split into words.</summary>
    /// <exception cref="ShellExpansionException">A quote or brace is unmatched or a substitution is
    /// invalid.</exception>
    public IReadOnlyList<string> ProcessWords(string word, IReadOnlyDictionary<string, string> env) =>
        Process(word, env).Words;

    private int Peek() => _pos < _source.Length ? _source[_pos] : Eof;

    private int Next() => _pos < _source.Length ? _source[_pos++] : Eof;

    private (string Result, List<string> Words) ProcessStopOn(int stopChar, bool rawEscapes)
    {
        var result = new StringBuilder();
        var words = new WordSplitter();
        var saved = _rawEscapes;
        _rawEscapes = rawEscapes;
        try
        {
            while (Peek() != Eof)
            {
                var ch = Peek();
                if (stopChar != Eof && ch == stopChar)
                {
                    Next();
                    return (result.ToString(), words.Finish());
                }

                if (ch == '$')
                {
                    var value = ProcessDollar();
                    result.Append(value);
                    words.AddString(value);
                }
                else if (!SkipProcessQuotes && ch is '\'' or '"')
                {
                    var value = ch == '\'' ? ProcessSingleQuote() : ProcessDoubleQuote();
                    result.Append(value);
                    words.AddRawString(value);
                }
                else
                {
                    ch = Next();
                    if (ch == _escapeToken)
                    {
                        if (_rawEscapes)
                        {
                            words.AddRawChar((char)ch);
                            result.Append((char)ch);
                        }

                        // The escape token escapes the next character, except at the end of the word.
                        ch = Next();
                        if (ch == Eof)
                        {
                            break;
                        }

                        words.AddRawChar((char)ch);
                    }
                    else
                    {
                        words.AddChar((char)ch);
                    }

                    result.Append((char)ch);
                }
            }

            if (stopChar != Eof)
            {
                throw new ShellExpansionException(
                    $"unexpected end of statement while looking for matching {(char)stopChar}");
            }

            return (result.ToString(), words.Finish());
        }
        finally
        {
            _rawEscapes = saved;
        }
    }

    private string ProcessSingleQuote()
    {
        // POSIX sh 2.2.2: everything between single quotes is literal; a single quote cannot be escaped.
        var result = new StringBuilder();
        var ch = Next();
        if (RawQuotes)
        {
            result.Append((char)ch);
        }

        while (true)
        {
            ch = Next();
            if (ch == Eof)
            {
                throw new ShellExpansionException(
                    "unexpected end of statement while looking for matching single-quote");
            }

            if (ch == '\'')
            {
                if (RawQuotes)
                {
                    result.Append('\'');
                }

                return result.ToString();
            }

            result.Append((char)ch);
        }
    }

    private string ProcessDoubleQuote()
    {
        // POSIX sh 2.2.3: inside double quotes only $, the escape token and " keep a special meaning.
        var result = new StringBuilder();
        var ch = Next();
        if (RawQuotes)
        {
            result.Append((char)ch);
        }

        while (true)
        {
            switch (Peek())
            {
                case Eof:
                    throw new ShellExpansionException(
                        "unexpected end of statement while looking for matching double-quote");
                case '"':
                    Next();
                    if (RawQuotes)
                    {
                        result.Append('"');
                    }

                    return result.ToString();
                case '$':
                    result.Append(ProcessDollar());
                    break;
                default:
                    ch = Next();
                    if (ch == _escapeToken)
                    {
                        if (_rawEscapes)
                        {
                            result.Append((char)ch);
                        }

                        var following = Peek();
                        if (following == Eof)
                        {
                            continue;
                        }

                        if (following == '"' || following == '$' || following == _escapeToken)
                        {
                            ch = Next();
                        }
                    }

                    result.Append((char)ch);
                    break;
            }
        }
    }

    private string ProcessName()
    {
        var name = new StringBuilder();
        while (Peek() != Eof)
        {
            var ch = (char)Peek();
            if (name.Length == 0 && char.IsDigit(ch))
            {
                while (Peek() != Eof && char.IsDigit((char)Peek()))
                {
                    name.Append((char)Next());
                }

                return name.ToString();
            }

            if (name.Length == 0 && IsSpecialParameter(ch))
            {
                Next();
                return ch.ToString();
            }

            if (!char.IsLetter(ch) && !char.IsDigit(ch) && ch != '_')
            {
                break;
            }

            name.Append((char)Next());
        }

        return name.ToString();
    }

    // POSIX sh 2.5.2, special parameters.
    private static bool IsSpecialParameter(char ch) => ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0';

    private (string Value, bool Set) GetEnv(string name)
    {
        if (_env.TryGetValue(name, out var value))
        {
            return (value, true);
        }

        _unmatched.Add(name);
        return ("", false);
    }
}
