using Snello.Build.Locking;
using Snello.Build.Specs;

namespace Snello.Build.Pipeline;

/// <summary><c>snello lock</c>: resolving against the archive and pinning the result, without building.</summary>
public sealed partial class BuildPipeline
{
    /// <summary>Resolves every architecture of the spec against the archive's current indexes.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="existingLock">The lock the spec has now, or null; only compared with the new one.</param>
    /// <param name="options">How to run.</param>
    /// <param name="cancellationToken">Cancels the resolution.</param>
    /// <returns>The new lock and what it holds.</returns>
    /// <exception cref="Debian.Resolution.UnsatisfiableDependencyException">Nothing satisfies a request or a
    /// dependency.</exception>
    /// <exception cref="Debian.Archive.ArchiveUnreachableException">The mirror cannot be reached.</exception>
    public async Task<LockResult> LockAsync(BuildSpec spec, LockFile? existingLock, BuildOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var repositories = Repositories(spec, options);
        var timings = new BuildTimings();
        var locked = new SortedDictionary<string, LockedArchitecture>(StringComparer.Ordinal);
        var resolved = new List<ArchitectureLock>();
        foreach (var architecture in spec.Architectures)
        {
            var selection = await ResolveAsync(spec, repositories, architecture, options, timings,
                cancellationToken).ConfigureAwait(false);
            locked[architecture] = selection.Lock;
            resolved.Add(new ArchitectureLock(architecture, selection.Packages, selection.Omitted));
        }

        var lockFile = NewLock(spec, locked);
        return new LockResult(lockFile, resolved, existingLock is null || !existingLock.SameContent(lockFile));
    }

    private static LockFile NewLock(BuildSpec spec, IReadOnlyDictionary<string, LockedArchitecture> locked) =>
        new()
        {
            LockVersion = LockFile.CurrentVersion,
            Spec = spec.Digest,
            Distribution = spec.Distribution?.Suite ?? "",
            Architectures = locked,
        };
}
