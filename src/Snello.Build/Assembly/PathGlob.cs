namespace Snello.Build.Assembly;

/// <summary>
/// A glob over absolute image paths: <c>*</c> and <c>?</c> match within one path component, <c>**</c> matches
/// across components, and a trailing <c>/**</c> also matches the folder itself, so <c>/usr/share/doc/**</c>
/// covers <c>/usr/share/doc</c> and all below it. No character classes: image paths rarely need them.
/// </summary>
internal sealed class PathGlob
{
    private readonly string _pattern;

    public PathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (!pattern.StartsWith('/'))
        {
            throw new AssemblyException(pattern, $"glob '{pattern}' is relative; expected an absolute image "
                + "path such as '/usr/share/doc/**'");
        }

        _pattern = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
    }

    public string Pattern => _pattern;

    /// <summary>Whether <paramref name="path"/> (absolute, normalised, no trailing slash) matches.</summary>
    public bool Matches(string path) =>
        Match(_pattern, 0, path, 0)
        || (_pattern.EndsWith("/**", StringComparison.Ordinal) && path == _pattern[..^3]);

    private static bool Match(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                var across = p + 1 < pattern.Length && pattern[p + 1] == '*';
                var next = across ? p + 2 : p + 1;
                for (var end = t; end <= text.Length; end++)
                {
                    if (Match(pattern, next, text, end))
                    {
                        return true;
                    }

                    if (end < text.Length && text[end] == '/' && !across)
                    {
                        return false;
                    }
                }

                return false;
            }

            if (t >= text.Length || (c == '?' ? text[t] == '/' : text[t] != c))
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }
}
