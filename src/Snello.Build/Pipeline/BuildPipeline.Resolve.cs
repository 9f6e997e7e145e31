using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Snello.Build.Closure;
using Snello.Build.Locking;
using Snello.Build.Specs;
using Snello.Debian.Archive;
using Snello.Debian.Contents;
using Snello.Debian.Packages;
using Snello.Debian.Resolution;

namespace Snello.Build.Pipeline;

/// <summary>Choosing packages: from the archive's indexes through the resolver, or from the lock file.</summary>
public sealed partial class BuildPipeline
{
    private static List<DebianRepository> Repositories(BuildSpec spec, BuildOptions options)
    {
        var distribution = spec.Distribution;
        if (distribution is null)
        {
            return [];
        }

        var repositories = DebianMirrors.ForSuite(distribution.Suite, distribution.Components,
            distribution.Security, options.Mirror ?? distribution.Mirror, options.AptRoot).ToList();
        var number = 0;
        foreach (var extra in distribution.Repositories)
        {
            number++;
            var keyringPath = Path.GetFullPath(Path.Combine(spec.Directory, extra.Keyring));
            repositories.Add(new DebianRepository(extra.Uri, extra.Suite, extra.Components,
                ArchiveKeyring.Load(keyringPath), $"extra{number}-{extra.Suite}"));
        }

        return repositories;
    }

    /// <summary>Why a lock does not fit a spec, or null when it does.</summary>
    private static string? LockMismatch(BuildSpec spec, LockFile lockFile)
    {
        if (!string.Equals(lockFile.Spec, spec.Digest, StringComparison.Ordinal))
        {
            return $"it was made for spec '{lockFile.Spec}', the spec is now '{spec.Digest}'";
        }

        var locked = lockFile.Architectures.Keys.Order(StringComparer.Ordinal);
        var wanted = spec.Architectures.Order(StringComparer.Ordinal);
        return locked.SequenceEqual(wanted, StringComparer.Ordinal)
            ? null
            : $"it pins architectures '{string.Join(',', locked)}', the spec asks for '{string.Join(',', wanted)}'";
    }

    private static Selection FromLock(LockFile lockFile, string architecture)
    {
        var entry = lockFile.Architectures[architecture];
        var packages = entry.Packages
            .Select(p => new BuiltPackage(p.Name, p.Version, p.Architecture, ["pinned by the lock file"]))
            .ToList();
        DateTimeOffset? created = entry.Packages.Count == 0 ? null : entry.Packages.Max(p => p.IndexDate);
        return new Selection(entry, packages, [], created);
    }

    private async Task<Selection> ResolveAsync(BuildSpec spec, List<DebianRepository> repositories,
        string architecture, BuildOptions options, BuildTimings timings, CancellationToken cancellationToken)
    {
        var debug = options.Debug || spec.Debug;
        if (repositories.Count == 0 || (spec.Packages.Count == 0 && !ClosureApplies(spec) && !debug))
        {
            return new Selection(new LockedArchitecture { Packages = [] }, [], [], null);
        }

        var clock = Stopwatch.StartNew();
        var indexes = await LoadIndexesAsync(repositories, architecture, options.Now, cancellationToken)
            .ConfigureAwait(false);

        timings.IndexSeconds += clock.Elapsed.TotalSeconds;
        clock.Restart();
        var source = new IndexPackageSource(indexes);
        var archiveName = string.Join(", ", repositories.Select(r => $"{r.Name} {string.Join(' ', r.Components)}"));
        var resolver = new DependencyResolver(source, architecture, ResolutionPolicy.Default, archiveName);
        var requests = spec.Packages.Select(p => new PackageRequest(p.Name, p.Constraint)).ToList();
        var needs = ClosureApplies(spec)
            ? await LibraryNeedsAsync(spec, repositories, architecture, source, options, cancellationToken)
                .ConfigureAwait(false)
            : [];
        var requested = requests.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        requests.AddRange(needs.Select(n => n.Package).Distinct().Where(requested.Add)
            .Select(n => new PackageRequest(n)));
        var resolution = resolver.Resolve(requests);
        var toolbox = ResolveToolbox(resolver, debug);
        timings.ResolveSeconds += clock.Elapsed.TotalSeconds;

        var lockEntry = new LockedArchitecture
        {
            Packages = resolution.Packages.Select(p => Pin(p.Record, source)).ToList(),
            Toolbox = toolbox.Packages.Select(p => Pin(p.Record, source)).ToList(),
        };
        var built = resolution.Packages.Select(p => new BuiltPackage(p.Name, p.Record.Version.ToString(),
            p.Record.Architecture, Reasons(p, spec, needs))).ToList();
        DateTimeOffset? created = lockEntry.Packages.Count == 0 ? null : lockEntry.Packages.Max(p => p.IndexDate);
        return new Selection(lockEntry, built, resolution.Omitted, created);
    }

    private async Task<List<RepositoryIndex>> LoadIndexesAsync(IReadOnlyList<DebianRepository> repositories,
        string architecture, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var indexes = new List<RepositoryIndex>(repositories.Count);
        foreach (var repository in repositories)
        {
            indexes.Add(await _archive.LoadIndexAsync(repository, architecture, now, cancellationToken)
                .ConfigureAwait(false));
        }

        return indexes;
    }

    /// <summary>
    /// The library closure runs for specs without a base: a base image brings libraries of its own, which
    /// the closure cannot see in the archive's indexes, so it would add packages the base already holds.
    /// </summary>
    private static bool ClosureApplies(BuildSpec spec) => spec.Closure && spec.Base is null && spec.Files.Count > 0;

    /// <summary>
    /// The toolbox is pinned with every lock so a later <c>--debug</c> build stays reproducible; only a debug
    /// build fails when the archive has no busybox-static.
    /// </summary>
    private static Debian.Resolution.Resolution ResolveToolbox(DependencyResolver resolver, bool debug)
    {
        try
        {
            return resolver.Resolve([new PackageRequest(ToolboxPackage)]);
        }
        catch (UnsatisfiableDependencyException) when (!debug)
        {
            return new Debian.Resolution.Resolution([], []);
        }
    }

    /// <summary>
    /// A package the closure added is "requested" to the resolver; its reasons say which library it is for.
    /// </summary>
    private static List<string> Reasons(ResolvedPackage package, BuildSpec spec, IReadOnlyList<LibraryNeed> needs)
    {
        var named = spec.Packages.Any(p => p.Name == package.Name);
        var reasons = package.Reasons.Where(r => named || r != "requested").ToList();
        reasons.AddRange(needs.Where(n => n.Package == package.Name).Select(n => "ships " + n.Reason));
        return reasons;
    }

    private async Task<IReadOnlyList<LibraryNeed>> LibraryNeedsAsync(BuildSpec spec,
        IReadOnlyList<DebianRepository> repositories, string architecture, IndexPackageSource source,
        BuildOptions options, CancellationToken cancellationToken)
    {
        var files = Plans.Files(spec);
        if (files.Count == 0)
        {
            return [];
        }

        var libraries = new List<SharedLibraryIndex>();
        foreach (var repository in repositories)
        {
            libraries.AddRange(await _archive.LoadSharedLibrariesAsync(repository, architecture, options.Now,
                cancellationToken).ConfigureAwait(false));
        }

        var preferred = spec.Packages.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var (needs, missing) = LibraryPackages.Find(files, libraries,
            name => source.Named(name).Any(r => r.Architecture == architecture || r.Architecture == "all"),
            preferred);
        foreach (var library in missing)
        {
            _logger?.LogWarning("No package ships {Library}, which {File} needs; it will fail to load",
                library.Name, library.NeededBy);
        }

        return needs;
    }

    private static LockedPackage Pin(PackageRecord record, IndexPackageSource source) =>
        Pin(record, source.IndexOf(record) ?? throw new InvalidOperationException(
            $"package '{record}' came from none of the indexes"));

    private static LockedPackage Pin(PackageRecord record, RepositoryIndex index) => new()
    {
        Name = record.Package,
        Version = record.Version.ToString(),
        Architecture = record.Architecture,
        Sha256 = record.Sha256 ?? throw new InvalidDataException(
            $"package '{record}' in '{index.Repository.Name}' has no SHA256 in its index"),
        Filename = record.Filename ?? throw new InvalidDataException(
            $"package '{record}' in '{index.Repository.Name}' has no Filename in its index"),
        Size = record.Size ?? 0,
        Repository = index.Repository.Name,
        IndexDate = index.Date,
    };
}
