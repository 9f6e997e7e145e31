namespace Snello.Build.Paths;

/// <summary>
/// An absolute path glob over image paths: <c>*</c> matches within one path segment, <c>?</c> one character
/// of a segment, <c>[abc]</c>, <c>[a-z]</c> and <c>[!a]</c> one character of a set, and a whole segment
/// <c>**</c> any number of segments, none included. <c>/usr/share/doc/**</c> matches the folder
/// <c>/usr/share/doc</c> and everything below it.
/// </summary>
public sealed class GlobPattern
{
    private readonly string[] _segments;

    private GlobPattern(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Parses a pattern.</summary>
    /// <param name="pattern">The pattern, starting with <c>/</c>.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="FormatException">The pattern is not absolute, has an empty segment, a <c>**</c> inside a
    /// segment or an unclosed <c>[</c>; the message says which.</exception>
    public static GlobPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.StartsWith('/'))
        {
            throw new FormatException("expected an absolute path starting with '/'");
        }

        var segments = pattern.Length == 1 ? [] : pattern[1..].Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                throw new FormatException("it has an empty path segment ('//' or a trailing '/')");
            }

            if (segment != "**" && segment.Contains("**", StringComparison.Ordinal))
            {
                throw new FormatException($"'**' must be a whole path segment, not part of '{segment}'");
            }

            if (segment is "." or "..")
            {
                throw new FormatException($"the segment '{segment}' is not allowed; write the path plainly");
            }

            CheckBrackets(segment);
        }

        return new GlobPattern(pattern, segments);
    }

    /// <summary>True when the pattern matches the path.</summary>
    /// <param name="path">An absolute image path, such as <c>/usr/share/doc/libc6/copyright</c>.</param>
    /// <returns>True on a match.</returns>
    public bool IsMatch(string path) => Match(0, Split(path), 0, partial: false);

    /// <summary>True when the pattern matches some path below <paramref name="directory"/>.</summary>
    /// <remarks>A folder excluded by one pattern is kept when a keep pattern can match inside it.</remarks>
    /// <param name="directory">An absolute image path of a folder.</param>
    /// <returns>True when a descendant could match.</returns>
    public bool CanMatchBelow(string directory) => Match(0, Split(directory), 0, partial: true);

    /// <summary>The pattern as written.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    private static string[] Split(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    // partial: the path is a folder and the pattern may go on below it (at least one more segment).
    private bool Match(int p, string[] path, int s, bool partial)
    {
        while (p < _segments.Length)
        {
            if (_segments[p] == "**")
            {
                // '**' takes zero segments, or one and stays.
                return Match(p + 1, path, s, partial) || (s < path.Length && Match(p, path, s + 1, partial))
                    || (partial && s == path.Length);
            }

            if (s == path.Length)
            {
                return partial;
            }

            if (!SegmentMatches(_segments[p], 0, path[s], 0))
            {
                return false;
            }

            p++;
            s++;
        }

        return !partial && s == path.Length;
    }

    private static bool SegmentMatches(string pattern, int p, string name, int n)
    {
        while (p < pattern.Length)
        {
            switch (pattern[p])
            {
                case '*':
                    for (var k = n; k <= name.Length; k++)
                    {
                        if (SegmentMatches(pattern, p + 1, name, k))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?':
                    if (n == name.Length)
                    {
                        return false;
                    }

                    break;
                case '[':
                    var end = SetEnd(pattern, p);
                    if (n == name.Length || !InSet(pattern[(p + 1)..end], name[n]))
                    {
                        return false;
                    }

                    p = end;
                    break;
                default:
                    if (n == name.Length || name[n] != pattern[p])
                    {
                        return false;
                    }

                    break;
            }

            p++;
            n++;
        }

        return n == name.Length;
    }

    private static bool InSet(string set, char c)
    {
        var negated = set.StartsWith('!');
        var body = negated ? set[1..] : set;
        var found = false;
        for (var i = 0; i < body.Length; i++)
        {
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                found |= c >= body[i] && c <= body[i + 2];
                i += 2;
            }
            else
            {
                found |= c == body[i];
            }
        }

        return found != negated;
    }

    // The index of the ']' closing the set opened at 'open', or -1. The set's first character may be ']'
    // (after an optional '!'), as in fnmatch(3).
    private static int SetEnd(string segment, int open)
    {
        var first = open + 1 < segment.Length && segment[open + 1] == '!' ? open + 2 : open + 1;
        return first >= segment.Length ? -1 : segment.IndexOf(']', first + 1);
    }

    private static void CheckBrackets(string segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] != '[')
            {
                continue;
            }

            var end = SetEnd(segment, i);
            if (end < 0)
            {
                throw new FormatException($"the '[' in '{segment}' is not closed by ']'");
            }

            i = end;
        }
    }
}
