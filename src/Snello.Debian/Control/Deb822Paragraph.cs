using System.Diagnostics.CodeAnalysis;

namespace Snello.Debian.Control;

/// <summary>
/// A deb822 paragraph: fields in their order, looked up by name without regard to case (deb822(5)).
/// One stanza of a Packages or status file, the body of a Release file, one entry of a *.sources file.
/// </summary>
public sealed class Deb822Paragraph
{
    private readonly Dictionary<string, Deb822Field> _byName;

    /// <summary>Creates a paragraph from fields with distinct names.</summary>
    /// <param name="fields">The fields, in file order.</param>
    /// <param name="source">Where the paragraph was read from, for error messages.</param>
    /// <exception cref="ArgumentException">Two fields have the same name (compared without case).</exception>
    public Deb822Paragraph(IReadOnlyList<Deb822Field> fields, string source)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields;
        Source = source;
        _byName = new Dictionary<string, Deb822Field>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (!_byName.TryAdd(field.Name, field))
            {
                throw new ArgumentException(
                    $"{source}:{field.LineNumber}: field '{field.Name}' appears twice in one paragraph",
                    nameof(fields));
            }
        }
    }

    /// <summary>The fields in the order they were written.</summary>
    public IReadOnlyList<Deb822Field> Fields { get; }

    /// <summary>Where the paragraph was read from (a file name or a description), for messages.</summary>
    public string Source { get; }

    /// <summary>The line, counted from 1, where the paragraph's first field starts (0 when empty).</summary>
    public int LineNumber => Fields.Count > 0 ? Fields[0].LineNumber : 0;

    /// <summary>The value of a field, or null when the paragraph has no such field.</summary>
    /// <param name="name">The field name, in any case.</param>
    /// <returns>The field's <see cref="Deb822Field.Value"/>, or null.</returns>
    public string? this[string name] => _byName.TryGetValue(name, out var field) ? field.Value : null;

    /// <summary>True when the paragraph has the field.</summary>
    /// <param name="name">The field name, in any case.</param>
    /// <returns>True when present.</returns>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Looks a field up by name.</summary>
    /// <param name="name">The field name, in any case.</param>
    /// <param name="field">The field, when present.</param>
    /// <returns>True when present.</returns>
    public bool TryGetField(string name, [NotNullWhen(true)] out Deb822Field? field) =>
        _byName.TryGetValue(name, out field);

    /// <summary>The value of a field that must be present.</summary>
    /// <param name="name">The field name, in any case.</param>
    /// <returns>The value.</returns>
    /// <exception cref="Deb822FormatException">The paragraph has no such field.</exception>
    public string Required(string name) =>
        this[name] ?? throw new Deb822FormatException(
            Source, LineNumber, Fields.Count > 0 ? $"{Fields[0].Name}: {Fields[0].Lines[0]}" : "",
            $"the paragraph has no '{name}' field");
}
