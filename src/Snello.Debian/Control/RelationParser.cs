using Snello.Debian.Versions;

namespace Snello.Debian.Control;

/// <summary>
/// Parses relationship fields (Depends, Pre-Depends, Recommends, Build-Depends, Provides, ...) as Debian
/// policy 7.1 defines them: <c>name[:arch] [(op version)] [[arch ...]] [&lt;profile ...&gt; ...]</c>, entries
/// separated by commas, alternatives by <c>|</c>.
/// </summary>
public static class RelationParser
{
    /// <summary>Parses a relationship field's value.</summary>
    /// <remarks>
    /// Line breaks count as blanks, since these fields are folded. Empty entries between commas (a trailing
    /// comma, as source control files often have) are skipped; an empty alternative is an error.
    /// </remarks>
    /// <param name="field">The field's value, such as <c>libc6 (&gt;= 2.36), debconf | debconf-2.0</c>.</param>
    /// <returns>The dependencies, in order; empty for an empty value.</returns>
    /// <exception cref="RelationFormatException">The value does not follow policy 7.1; the message names
    /// the offending part.</exception>
    public static IReadOnlyList<Dependency> Parse(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var dependencies = new List<Dependency>();
        foreach (var entry in field.Split(','))
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                continue;
            }

            var alternatives = entry.Split('|').Select(a => ParseRelation(a, entry)).ToArray();
            dependencies.Add(new Dependency(alternatives));
        }

        return dependencies;
    }

    /// <summary>
    /// Parses a Provides field: like <see cref="Parse"/>, but without alternatives and with only <c>=</c>
    /// version constraints (Debian policy 7.5).
    /// </summary>
    /// <param name="field">The field's value, such as <c>awk, libfoo-abi (= 1.2)</c>.</param>
    /// <returns>The provided names with their optional versions.</returns>
    /// <exception cref="RelationFormatException">The value is not a valid Provides field.</exception>
    public static IReadOnlyList<Relation> ParseProvides(string field)
    {
        var relations = new List<Relation>();
        foreach (var dependency in Parse(field))
        {
            if (dependency.Alternatives.Count > 1)
            {
                throw new RelationFormatException(
                    dependency.ToString(), "Provides takes no alternatives ('|')");
            }

            var relation = dependency.Alternatives[0];
            if (relation.Constraint is { Operator: not VersionOperator.Equal })
            {
                throw new RelationFormatException(
                    relation.ToString(), "Provides takes only exact versions, '(= VERSION)'");
            }

            relations.Add(relation);
        }

        return relations;
    }

    /// <summary>Parses one relation: <c>name[:arch] [(op version)] [[arch ...]] [&lt;profile&gt; ...]</c>.</summary>
    /// <param name="text">The relation text.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="RelationFormatException">The text is not one relation.</exception>
    public static Relation ParseRelation(string text) => ParseRelation(text, text);

    private static Relation ParseRelation(string text, string context)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Replace('\n', ' ').Replace('\t', ' ').Trim();
        if (s.Length == 0)
        {
            throw new RelationFormatException(context.Trim(), "an alternative must name a package");
        }

        var nameEnd = s.IndexOfAny([' ', '(', '[', '<', ':']);
        var name = nameEnd < 0 ? s : s[..nameEnd];
        var i = name.Length;
        CheckPackageName(name, s);

        string? qualifier = null;
        if (At(s, i) == ':')
        {
            var end = s.IndexOfAny([' ', '(', '[', '<'], i + 1);
            qualifier = end < 0 ? s[(i + 1)..] : s[(i + 1)..end];
            i = end < 0 ? s.Length : end;
            var validQualifier = qualifier.Length > 0
                && qualifier.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
            if (!validQualifier)
            {
                throw new RelationFormatException(s, $"the architecture qualifier '{qualifier}' must be "
                    + "'any', 'native' or an architecture name");
            }
        }

        VersionConstraint? constraint = null;
        if (Next(s, ref i) == '(')
        {
            var inside = Enclosed(s, ref i, '(', ')');
            try
            {
                constraint = VersionConstraint.Parse(inside);
            }
            catch (VersionConstraintFormatException e)
            {
                throw new RelationFormatException(s, e.Message, e);
            }
        }

        IReadOnlyList<RestrictionTerm> architectures = [];
        if (Next(s, ref i) == '[')
        {
            architectures = Terms(s, Enclosed(s, ref i, '[', ']'), "architecture list");
            if (architectures.Any(t => t.Negated) && architectures.Any(t => !t.Negated))
            {
                throw new RelationFormatException(
                    s, "an architecture list must be all negated ('!') or none (policy 7.1)");
            }
        }

        var profiles = new List<IReadOnlyList<RestrictionTerm>>();
        while (Next(s, ref i) == '<')
        {
            profiles.Add(Terms(s, Enclosed(s, ref i, '<', '>'), "build profile formula"));
        }

        if (i < s.Length)
        {
            throw new RelationFormatException(s, $"unexpected '{s[i..]}' after the package name; expected "
                + "'(op version)', '[architectures]' or '<profiles>' in that order");
        }

        return new Relation(name, qualifier, constraint, architectures, profiles);
    }

    // Policy 5.6.1: at least two characters of lowercase letters, digits, '+', '-' and '.', starting with
    // a letter or digit.
    private static void CheckPackageName(string name, string relation)
    {
        var valid = name.Length >= 2 && char.IsAsciiLetterOrDigit(name[0])
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '+' or '-' or '.');
        if (!valid)
        {
            throw new RelationFormatException(relation, $"the package name '{name}' must be two or more "
                + "lowercase letters, digits, '+', '-' or '.', starting with a letter or digit");
        }
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static char Next(string s, ref int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        return At(s, i);
    }

    private static string Enclosed(string s, ref int i, char open, char close)
    {
        var end = s.IndexOf(close, i + 1);
        if (end < 0)
        {
            throw new RelationFormatException(s, $"the '{open}' is not closed by '{close}'");
        }

        var inner = s[(i + 1)..end];
        i = end + 1;
        return inner;
    }

    private static RestrictionTerm[] Terms(string relation, string list, string what)
    {
        var terms = list.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.StartsWith('!') ? new RestrictionTerm(t[1..], true) : new RestrictionTerm(t, false))
            .ToArray();
        var bad = terms.FirstOrDefault(t => t.Name.Length == 0 || t.Name.Any(c => c is '!' or '(' or '[' or '<'));
        if (terms.Length == 0 || bad is not null)
        {
            throw new RelationFormatException(relation, $"the {what} '{list}' must hold one or more names, "
                + "each optionally preceded by '!'");
        }

        return terms;
    }
}
