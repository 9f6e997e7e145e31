using System.Diagnostics;
using Snello.Build.Assembly;
using Snello.Build.Locking;
using Snello.Build.Specs;
using Snello.Debian.Archive;
using Snello.Debian.Packages;

namespace Snello.Build.Pipeline;

/// <summary>Fetching the chosen .deb files into the cache, a few at a time.</summary>
public sealed partial class BuildPipeline
{
    private const int ParallelFetches = 4;

    private async Task<IReadOnlyList<PackageInput>> FetchAsync(BuildSpec spec,
        IReadOnlyList<DebianRepository> repositories, IReadOnlyList<LockedPackage> packages, bool fromLock,
        BuildTimings timings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var missing = packages.Where(p => !_archive.IsCached(p.Sha256)).ToList();
        var paths = new string[packages.Count];
        using var gate = new SemaphoreSlim(ParallelFetches);
        var tasks = packages.Select(async (package, i) =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var repository = repositories.FirstOrDefault(r => r.Name == package.Repository)
                    ?? throw new LockOutOfDateException(LockFile.PathFor(spec.Path), spec.Path,
                        $"package '{package.Name}' is pinned to repository '{package.Repository}', which the " +
                        $"spec no longer names");
                paths[i] = await _archive.FetchDebAsync(repository, package.Filename, package.Sha256,
                    package.Size == 0 ? null : package.Size, cancellationToken).ConfigureAwait(false);
            }
            catch (PinnedPackageMissingException e) when (fromLock)
            {
                throw new LockedPackageUnavailableException(spec.Path, e);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            timings.DownloadSeconds += clock.Elapsed.TotalSeconds;
            timings.DownloadBytes += missing.Sum(p => p.Size);
        }

        var inputs = new List<PackageInput>(packages.Count);
        for (var i = 0; i < packages.Count; i++)
        {
            inputs.Add(new PackageInput(ReadControl(paths[i]), paths[i]));
        }

        return inputs;
    }

    /// <summary>The package's own control record, as dpkg would record it when installing the file.</summary>
    private static PackageRecord ReadControl(string debPath)
    {
        using var stream = File.OpenRead(debPath);
        return DebPackage.Read(stream, debPath).Control;
    }
}
