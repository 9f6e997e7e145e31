using Snello.Debian.Control;
using Snello.Debian.Packages;

namespace Snello.Debian.Resolution;

internal sealed partial class ResolutionAttempt
{
    private static readonly string[] ConflictFields = ["Conflicts", "Breaks"];

    // Debian policy 7.4 and 7.3: two packages that conflict must not be unpacked together, and a package
    // another one breaks must not be configured with it; an image is both, so either is an error. Only
    // reported: the resolver does not search for another selection that avoids the conflict.
    private void CheckConflicts()
    {
        foreach (var record in _selected.Values.OrderBy(r => r.Package, StringComparer.Ordinal))
        {
            foreach (var field in ConflictFields)
            {
                if (record.Paragraph[field] is not { } value)
                {
                    continue;
                }

                foreach (var relation in Parse(record, field, value).SelectMany(d => d.Alternatives))
                {
                    if (ConflictingWith(record, relation) is { } other)
                    {
                        var why = string.Join("; ", Reasons(other.Package));
                        throw new UnsatisfiableDependencyException($"{record.Package} {record.Version}", field,
                            relation.ToString(), $"'{other.Package} {other.Version}' is selected too ({why})");
                    }
                }
            }
        }
    }

    // A conflict matches by name and version, or through Provides (policy 7.5: a versioned conflict matches
    // only a versioned Provides). A package never conflicts with itself, as with the virtual name it both
    // provides and conflicts with to be the only provider (policy 7.6.2). Architecture qualifiers are
    // ignored, since every package here is of one architecture.
    private PackageRecord? ConflictingWith(PackageRecord record, Relation relation)
    {
        var unqualified = relation with { ArchitectureQualifier = null };
        if (_selected.TryGetValue(relation.Name, out var byName) && !ReferenceEquals(byName, record)
            && universe.SatisfiesByName(unqualified, byName))
        {
            return byName;
        }

        foreach (var provider in universe.Providers(relation.Name))
        {
            if (_selected.TryGetValue(provider.Record.Package, out var selected)
                && ReferenceEquals(selected, provider.Record) && !ReferenceEquals(selected, record)
                && universe.SatisfiesByProvides(unqualified, provider))
            {
                return selected;
            }
        }

        return null;
    }

    private static IReadOnlyList<Dependency> Parse(PackageRecord record, string field, string value)
    {
        try
        {
            return RelationParser.Parse(value);
        }
        catch (RelationFormatException e)
        {
            throw new PackageRecordException(record.Paragraph, field, value, e.Message, e);
        }
    }
}
