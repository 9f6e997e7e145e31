namespace Snello.Dockerfiles.Shell;

public sealed partial class ShellLexer
{
    private string ProcessDollar()
    {
        Next();

        if (Peek() != '{')
        {
            var bare = ProcessName();
            if (bare.Length == 0)
            {
                return "$";
            }

            var (bareValue, bareSet) = GetEnv(bare);
            return !bareSet && SkipUnsetEnv ? "$" + bare : bareValue;
        }

        Next();
        switch (Peek())
        {
            case Eof:
                throw new ShellExpansionException("syntax error: missing '}'");
            case '{' or '}' or ':':
                throw new ShellExpansionException("syntax error: bad substitution");
        }

        var name = ProcessName();
        var ch = Next();
        var modifier = ch == Eof ? "" : ((char)ch).ToString();
        var nullIsUnset = false;

        switch (ch)
        {
            case '}':
                var (value, set) = GetEnv(name);
                return !set && SkipUnsetEnv ? "${" + name + "}" : value;
            case ':':
                nullIsUnset = true;
                ch = Next();
                modifier += ch == Eof ? "" : ((char)ch).ToString();
                return ExpandModifier(name, ch, modifier, nullIsUnset);
            case '+' or '-' or '?' or '#' or '%':
                return ExpandModifier(name, ch, modifier, nullIsUnset);
            case '/':
                return ExpandReplacement(name);
            case Eof:
                throw new ShellExpansionException("syntax error: missing '}'");
            default:
                throw new ShellExpansionException($"unsupported modifier ({modifier}) in substitution");
        }
    }

    private string ExpandModifier(string name, int ch, string modifier, bool nullIsUnset)
    {
        string word;
        try
        {
            word = ProcessStopOn('}', rawEscapes: ch is '#' or '%').Result;
        }
        catch (ShellExpansionException) when (Peek() == Eof)
        {
            throw new ShellExpansionException("syntax error: missing '}'");
        }

        var (value, set) = GetEnv(name);
        if (SkipUnsetEnv && !set)
        {
            return "${" + name + modifier + word + "}";
        }

        var unsetOrNull = !set || (nullIsUnset && value.Length == 0);
        switch (ch)
        {
            case '-':
                return unsetOrNull ? word : value;
            case '+':
                return unsetOrNull ? "" : word;
            case '?':
                if (!set)
                {
                    throw new ShellExpansionException($"{name}: "
                        + $"{(word.Length > 0 ? word : "is not allowed to be unset")}");
                }

                if (nullIsUnset && value.Length == 0)
                {
                    throw new ShellExpansionException($"{name}: "
                        + $"{(word.Length > 0 ? word : "is not allowed to be empty")}");
                }

                return value;
            case '%' or '#':
                // POSIX sh 2.6.2: one # or % removes the shortest match, a doubled one the longest.
                var greedy = word.Length > 0 && word[0] == ch;
                if (greedy)
                {
                    word = word[1..];
                }

                return ch == '%'
                    ? ShellPattern.TrimSuffix(word, value, greedy)
                    : ShellPattern.TrimPrefix(word, value, greedy);
            default:
                throw new ShellExpansionException($"unsupported modifier ({modifier}) in substitution");
        }
    }

    private string ExpandReplacement(string name)
    {
        var replaceAll = Peek() == '/';
        if (replaceAll)
        {
            Next();
        }

        string pattern;
        try
        {
            pattern = ProcessStopOn('/', rawEscapes: true).Result;
        }
        catch (ShellExpansionException) when (Peek() == Eof)
        {
            throw new ShellExpansionException("syntax error: missing '/' in ${}");
        }

        string replacement;
        try
        {
            replacement = ProcessStopOn('}', rawEscapes: true).Result;
        }
        catch (ShellExpansionException) when (Peek() == Eof)
        {
            throw new ShellExpansionException("syntax error: missing '}'");
        }

        var (value, set) = GetEnv(name);
        if (SkipUnsetEnv && !set)
        {
            return "${" + name + "/" + pattern + "/" + replacement + "}";
        }

        return ShellPattern.Replace(pattern, value, replacement, replaceAll);
    }
}
