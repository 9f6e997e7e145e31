using Snello.Debian.Control;
using Snello.Debian.Packages;

namespace Snello.Debian.Resolution;

/// <summary>
/// One pass of the resolver over the requests: it selects packages breadth-first and either completes, or
/// stops at the first dependency that an already selected version stands in the way of, naming the version
/// to set aside before the next pass.
/// </summary>
internal sealed partial class ResolutionAttempt(
    PackageUniverse universe,
    ResolutionPolicy policy,
    IReadOnlyDictionary<PackageRecord, string> setAside,
    ResolutionMessages messages)
{
    private const string Requested = "requested";

    private readonly Dictionary<string, PackageRecord> _selected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _reasons = new(StringComparer.Ordinal);
    private readonly HashSet<string> _requested = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string RequiredBy), OmittedPackage> _omitted = [];
    private readonly Queue<PackageRecord> _pending = new();

    /// <summary>The selected version to set aside and why, when the pass stopped; else null.</summary>
    public (PackageRecord Record, string Reason)? Blocked { get; private set; }

    /// <summary>Runs the pass.</summary>
    /// <returns>The resolution, or null when <see cref="Blocked"/> names a version to set aside.</returns>
    /// <exception cref="UnsatisfiableDependencyException">A request or dependency has no candidate.</exception>
    public Resolution? Run(IReadOnlyList<PackageRequest> requests)
    {
        foreach (var request in requests)
        {
            _requested.Add(request.Name);
        }

        // Requests are selected before any dependency is followed, so that an alternative naming a requested
        // package wins, and a requested package the policy lists is in before anything could omit it.
        foreach (var request in requests)
        {
            if (!SelectRequest(request))
            {
                return null;
            }
        }

        while (_pending.TryDequeue(out var record))
        {
            if (!Follow(record, "Pre-Depends", record.PreDepends) || !Follow(record, "Depends", record.Depends))
            {
                return null;
            }
        }

        CheckConflicts();
        var packages = _selected.Values
            .OrderBy(r => r.Package, StringComparer.Ordinal)
            .Select(r => new ResolvedPackage(r, Reasons(r.Package)))
            .ToList();
        var omitted = _omitted.Values
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ThenBy(o => o.RequiredBy, StringComparer.Ordinal)
            .ToList();
        return new Resolution(packages, omitted);
    }

    private bool SelectRequest(PackageRequest request)
    {
        var relation = new Relation(request.Name, null, request.Constraint, [], []);
        if (SelectedSatisfying(relation) is { } already)
        {
            _reasons[already.Package].Add(Requested);
            _requested.Add(already.Package);
            return true;
        }

        var candidates = Candidates(relation).ToList();
        if (candidates.Count == 0)
        {
            throw messages.RequestUnsatisfiable(request);
        }

        // A name that only providers answer is a virtual package; apt asks the user to choose among
        // several providers, and so does Snello, since a spec should say which one it means.
        var real = candidates.Where(c => c.Package == request.Name).ToList();
        var providers = candidates.Select(c => c.Package).Distinct(StringComparer.Ordinal).ToList();
        if (real.Count == 0 && providers.Count > 1)
        {
            throw new UnsatisfiableDependencyException(null, null, request.ToString(),
                $"is a virtual package provided by {string.Join(", ", providers.Order(StringComparer.Ordinal))}; "
                + "request one of them");
        }

        var choice = (real.Count > 0 ? real : candidates).FirstOrDefault(c => !_selected.ContainsKey(c.Package));
        if (choice is null)
        {
            var inTheWay = _selected[candidates[0].Package];
            Blocked = (inTheWay, $"it does not meet the request '{request}'");
            return false;
        }

        _requested.Add(choice.Package);
        Select(choice, Requested);
        return true;
    }

    private bool Follow(PackageRecord owner, string field, IReadOnlyList<Dependency> dependencies)
    {
        foreach (var dependency in dependencies)
        {
            if (!Follow(owner, field, dependency))
            {
                return false;
            }
        }

        return true;
    }

    // Debian policy 7.1 and apt's choice among alternatives: an alternative that a selected package already
    // satisfies wins; else the first alternative, in the order written, that some package satisfies.
    private bool Follow(PackageRecord owner, string field, Dependency dependency)
    {
        var reason = $"{owner.Package} {field}: {dependency}";
        foreach (var alternative in dependency.Alternatives)
        {
            if (SelectedSatisfying(alternative) is { } satisfied)
            {
                _reasons[satisfied.Package].Add(reason);
                return true;
            }
        }

        PackageRecord? inTheWay = null;
        foreach (var alternative in dependency.Alternatives)
        {
            // An omitted name counts as satisfiable where it stands, as apt would have installed it there.
            if (Omission(alternative.Name, owner) is { } why)
            {
                Omit(alternative.Name, owner, field, dependency, why);
                return true;
            }

            PackageRecord? firstCandidate = null;
            foreach (var candidate in Candidates(alternative))
            {
                firstCandidate ??= candidate;
                if (_selected.ContainsKey(candidate.Package))
                {
                    continue;
                }

                if (Omission(candidate.Package, owner) is { } providerWhy)
                {
                    Omit(candidate.Package, owner, field, dependency, providerWhy);
                }
                else
                {
                    Select(candidate, reason);
                }

                return true;
            }

            if (firstCandidate is not null)
            {
                inTheWay ??= _selected[firstCandidate.Package];
            }
        }

        if (inTheWay is not null)
        {
            Blocked = (inTheWay, $"it does not meet '{owner.Package} {owner.Version} {field}: {dependency}'");
            return false;
        }

        throw messages.DependencyUnsatisfiable(owner, field, dependency);
    }

    private string? Omission(string name, PackageRecord owner)
    {
        if (_requested.Contains(name) || !policy.Omits(name, owner.Package, out var reason))
        {
            return null;
        }

        // Siblings from one source package need each other at run time (perl needs perl-base).
        var sibling = universe.Versions(name).Any(v => v.SourceName == owner.SourceName);
        return sibling ? null : reason;
    }

    private void Omit(string name, PackageRecord owner, string field, Dependency dependency, string reason) =>
        _omitted.TryAdd((name, owner.Package),
            new OmittedPackage(name, owner.Package, reason, $"{field}: {dependency}"));

    private void Select(PackageRecord record, string reason)
    {
        _selected.Add(record.Package, record);
        _reasons.Add(record.Package, new SortedSet<string>(StringComparer.Ordinal) { reason });
        _pending.Enqueue(record);
    }

    private PackageRecord? SelectedSatisfying(Relation relation)
    {
        if (_selected.TryGetValue(relation.Name, out var byName) && universe.SatisfiesByName(relation, byName))
        {
            return byName;
        }

        foreach (var provider in universe.Providers(relation.Name))
        {
            if (_selected.TryGetValue(provider.Record.Package, out var selected)
                && ReferenceEquals(selected, provider.Record)
                && universe.SatisfiesByProvides(relation, provider))
            {
                return selected;
            }
        }

        return null;
    }

    // Real packages of the name first, highest version first; then providers in the universe's order.
    private IEnumerable<PackageRecord> Candidates(Relation relation)
    {
        foreach (var version in universe.Versions(relation.Name))
        {
            if (!setAside.ContainsKey(version) && universe.SatisfiesByName(relation, version))
            {
                yield return version;
            }
        }

        foreach (var provider in universe.Providers(relation.Name))
        {
            if (!setAside.ContainsKey(provider.Record) && provider.Record.Package != relation.Name
                && universe.SatisfiesByProvides(relation, provider))
            {
                yield return provider.Record;
            }
        }
    }

    private List<string> Reasons(string package)
    {
        var reasons = _reasons[package];
        var list = new List<string>(reasons.Count);
        if (reasons.Contains(Requested))
        {
            list.Add(Requested);
        }

        list.AddRange(reasons.Where(r => r != Requested));
        return list;
    }
}
