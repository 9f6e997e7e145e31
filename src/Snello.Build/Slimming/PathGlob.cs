using System.Text;
using System.Text.RegularExpressions;

namespace Snello.Build.Slimming;

/// <summary>
/// A glob over absolute image paths: '*' matches within one component, '**' across components, '?' one
/// character. A glob that matches a directory matches everything under it too.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    /// <summary>Compiles <paramref name="pattern"/>; a pattern without a leading '/' is taken from the root.</summary>
    /// <exception cref="ArgumentException">The pattern is empty.</exception>
    public PathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        var text = "/" + pattern.Trim().TrimStart('/').TrimEnd('/');
        var regex = new StringBuilder("^");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append("(/.*)?$");
        _regex = new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>True when the absolute path <paramref name="path"/> matches, or lies under a match.</summary>
    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _regex.IsMatch(path);
    }
}
