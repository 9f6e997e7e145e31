namespace Snello.Debian.Control;

/// <summary>
/// Reads deb822 text (deb822(5)): Packages and status files, Release bodies, *.sources files, control files.
/// </summary>
/// <remarks>
/// Paragraphs are separated by lines that are empty or hold only spaces and tabs. A field starts at the
/// beginning of a line with its name and a colon; lines starting with a space or tab continue it. Lines
/// starting with '#' are comments wherever they appear. A byte order mark at the start and carriage
/// returns at line ends are ignored. Paragraphs are returned as they are read, so a large Packages file is
/// never held whole.
/// </remarks>
public static class Deb822Reader
{
    /// <summary>Parses all paragraphs of a text.</summary>
    /// <param name="text">The deb822 text.</param>
    /// <param name="source">Where it came from, for error messages (a file name).</param>
    /// <returns>The paragraphs, in order; none for empty text.</returns>
    /// <exception cref="Deb822FormatException">A line is not valid deb822; the message names it.</exception>
    public static IReadOnlyList<Deb822Paragraph> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, source).ToList();
    }

    /// <summary>Reads paragraphs one at a time as the reader yields lines.</summary>
    /// <param name="reader">The text; it is read to the end and not disposed.</param>
    /// <param name="source">Where it came from, for error messages (a file name).</param>
    /// <returns>The paragraphs, in order, produced lazily.</returns>
    /// <exception cref="Deb822FormatException">A line is not valid deb822; the message names it.</exception>
    public static IEnumerable<Deb822Paragraph> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        return ReadIterator(reader, source);
    }

    /// <summary>Reads the paragraphs of a file.</summary>
    /// <param name="path">The file's path, also used in error messages.</param>
    /// <returns>The paragraphs, in order.</returns>
    /// <exception cref="Deb822FormatException">A line is not valid deb822; the message names it.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<Deb822Paragraph> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path).ToList();
    }

    private static IEnumerable<Deb822Paragraph> ReadIterator(TextReader reader, string source)
    {
        var fields = new List<Deb822Field>();
        string? name = null;
        var value = new List<string>();
        var start = 0;
        var number = 0;

        while (reader.ReadLine() is { } raw)
        {
            number++;
            var line = (number == 1 ? raw.TrimStart('\uFEFF') : raw).TrimEnd(' ', '\t', '\r');
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length == 0 || line.All(c => c is ' ' or '\t'))
            {
                Flush();
                if (fields.Count > 0)
                {
                    yield return Paragraph();
                }

                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                if (name is null)
                {
                    throw new Deb822FormatException(
                        source, number, raw, "a continuation line must follow a field");
                }

                value.Add(line[1..]);
                continue;
            }

            Flush();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new Deb822FormatException(source, number, raw,
                    colon == 0 ? "a field name must not be empty" : "expected 'Name: value'");
            }

            name = line[..colon];
            var bad = name.FirstOrDefault(c => c <= ' ' || c > '~');
            if (bad != default || name[0] == '-')
            {
                throw new Deb822FormatException(source, number, raw,
                    $"the field name '{name}' must be printable ASCII without blanks, not starting with '-'");
            }

            if (fields.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new Deb822FormatException(
                    source, number, raw, $"the field '{name}' appears twice in one paragraph");
            }

            start = number;
            value.Add(line[(colon + 1)..].TrimStart(' ', '\t'));
        }

        Flush();
        if (fields.Count > 0)
        {
            yield return Paragraph();
        }

        void Flush()
        {
            if (name is not null)
            {
                fields.Add(new Deb822Field(name, string.Join('\n', value), start));
            }

            name = null;
            value.Clear();
        }

        Deb822Paragraph Paragraph()
        {
            var paragraph = new Deb822Paragraph(fields.ToArray(), source);
            fields.Clear();
            return paragraph;
        }
    }
}
