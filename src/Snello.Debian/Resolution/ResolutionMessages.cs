using Snello.Debian.Control;
using Snello.Debian.Packages;

namespace Snello.Debian.Resolution;

/// <summary>Words what the archive holds when a request or a dependency cannot be met.</summary>
internal sealed class ResolutionMessages(
    PackageUniverse universe, string? archiveName, IReadOnlyDictionary<PackageRecord, string> setAside)
{
    public UnsatisfiableDependencyException RequestUnsatisfiable(PackageRequest request)
    {
        var relation = new Relation(request.Name, null, request.Constraint, [], []);
        if (universe.Versions(request.Name).Count == 0 && universe.Providers(request.Name).Count == 0)
        {
            var where = archiveName is null ? universe.Architecture : $"{archiveName} {universe.Architecture}";
            return new UnsatisfiableDependencyException(null, null, request.ToString(),
                $"is not in the archive ({where}){Suggestions(request.Name)}");
        }

        return new UnsatisfiableDependencyException(null, null, request.ToString(),
            $"was requested, but {Holdings(relation)}");
    }

    public UnsatisfiableDependencyException DependencyUnsatisfiable(
        PackageRecord owner, string field, Dependency dependency) =>
        new($"{owner.Package} {owner.Version}", field, dependency.ToString(),
            string.Join("; ", dependency.Alternatives.Select(Holdings)));

    // What the archive holds for one alternative, such as "the archive holds only libbar 1.0-1".
    private string Holdings(Relation relation)
    {
        var versions = universe.Versions(relation.Name);
        var providers = universe.Providers(relation.Name).Where(p => p.Record.Package != relation.Name).ToList();
        if (versions.Count == 0 && providers.Count == 0)
        {
            return $"no package is named or provides '{relation.Name}'{Suggestions(relation.Name)}";
        }

        var parts = new List<string>();
        if (versions.Count > 0)
        {
            var listed = string.Join(", ", versions.Reverse().Select(v => $"{v.Package} {v.Version}"));
            var part = $"the archive holds only {listed}";
            var admitted = versions.Any(v => universe.ArchitectureAdmits(relation, v));
            if (relation.ArchitectureQualifier == "any" && !admitted)
            {
                part += ", which is not 'Multi-Arch: allowed' as ':any' requires";
            }

            parts.Add(part + SetAsideNotes(versions));
        }

        if (providers.Count > 0)
        {
            var listed = string.Join(", ", providers.Select(p => p.Version is null
                ? $"{p.Record.Package} {p.Record.Version} (unversioned)"
                : $"{p.Record.Package} {p.Record.Version} (as {relation.Name} {p.Version})"));
            var part = $"'{relation.Name}' is provided only by {listed}";
            if (relation.Constraint is not null && providers.Any(p => p.Version is null))
            {
                part += "; an unversioned Provides satisfies no versioned dependency (Debian policy 7.5)";
            }

            parts.Add(part + SetAsideNotes(providers.Select(p => p.Record)));
        }

        return string.Join("; ", parts);
    }

    private string SetAsideNotes(IEnumerable<PackageRecord> records)
    {
        var notes = records.Where(setAside.ContainsKey)
            .Select(r => $"{r.Package} {r.Version} was set aside: {setAside[r]}")
            .ToList();
        return notes.Count == 0 ? "" : $" ({string.Join("; ", notes)})";
    }

    // Close names by edit distance: cheap enough on an error path, even over 60,000 names.
    private string Suggestions(string name)
    {
        var limit = name.Length < 5 ? 1 : 2;
        var close = universe.AllNames
            .Where(n => Math.Abs(n.Length - name.Length) <= limit)
            .Select(n => (Name: n, Distance: Distance(name, n, limit)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => $"'{c.Name}'")
            .ToList();
        return close.Count == 0 ? "" : $"; close names: {string.Join(", ", close)}";
    }

    // Levenshtein distance, giving up (returning limit + 1) once every path exceeds the limit.
    private static int Distance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
