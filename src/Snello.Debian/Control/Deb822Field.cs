namespace Snello.Debian.Control;

/// <summary>One field of a deb822 paragraph (deb822(5)).</summary>
/// <param name="Name">The field name as written; compare it case-insensitively.</param>
/// <param name="Value">
/// The value: the text after the colon, then one line per continuation line with its first blank removed,
/// joined by <c>\n</c>; trailing blanks are removed from every line.
/// </param>
/// <param name="LineNumber">The line, counted from 1, where the field starts.</param>
public sealed record Deb822Field(string Name, string Value, int LineNumber)
{
    /// <summary>
    /// The value of a folded field (Depends, Uploaders, ...): its lines trimmed and joined by single spaces,
    /// empty lines dropped (Debian policy 5.1: line breaks in folded fields carry no meaning).
    /// </summary>
    public string Folded => string.Join(' ', Lines.Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <summary>The value split at its line breaks; the first line is the text after the colon.</summary>
    public IReadOnlyList<string> Lines => Value.Split('\n');
}
