using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Snello.Build.Assembly;
using Snello.Build.Debugging;
using Snello.Build.Locking;
using Snello.Build.Specs;
using Snello.Debian.Archive;
using Snello.Oci.Caching;
using Snello.Oci.Images;

namespace Snello.Build.Pipeline;

/// <summary>
/// <c>snello build</c> from end to end: the spec's repositories, packages resolved against their signed
/// indexes (or taken from the lock file), .deb files fetched into the cache, layers assembled, one image per
/// architecture. Nothing is written but cache entries: the caller writes the image and the lock.
/// </summary>
public sealed partial class BuildPipeline
{
    /// <summary>The Debian package that gives debug variants their toolbox.</summary>
    public const string ToolboxPackage = "busybox-static";

    private readonly DebianArchiveClient _archive;
    private readonly BlobCache _cache;
    private readonly ILogger? _logger;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="archive">Fetches indexes and packages.</param>
    /// <param name="cache">Where layers are written.</param>
    /// <param name="logger">Receives the steps at Debug level; null for none.</param>
    public BuildPipeline(DebianArchiveClient archive, BlobCache cache, ILogger? logger = null)
    {
        _archive = archive ?? throw new ArgumentNullException(nameof(archive));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _logger = logger;
    }

    /// <summary>Builds the spec's image, or one image per architecture gathered in an index.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="existingLock">The spec's lock file, or null when it has none.</param>
    /// <param name="options">How to run.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The artifact, its packages and the lock to keep.</returns>
    /// <exception cref="LockOutOfDateException"><see cref="BuildOptions.Locked"/> is set and the lock does not
    /// match the spec.</exception>
    /// <exception cref="LockedPackageUnavailableException">The archive no longer holds a pinned file.</exception>
    /// <exception cref="Debian.Resolution.UnsatisfiableDependencyException">Nothing satisfies a request or a
    /// dependency.</exception>
    /// <exception cref="ArchiveUnreachableException">The mirror cannot be reached.</exception>
    /// <exception cref="SignatureVerificationException">An index is not validly signed.</exception>
    /// <exception cref="HashMismatchException">An index or a package differs from its expected hash.</exception>
    public async Task<BuildResult> BuildAsync(BuildSpec spec, LockFile? existingLock, BuildOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var timings = new BuildTimings();
        var repositories = Repositories(spec, options);
        var debug = options.Debug || spec.Debug;
        if (debug && repositories.Count == 0)
        {
            throw new SpecException(spec.Path, 1, 1, "debug",
                "a debug build takes busybox-static from the spec's Debian suite, but the spec names no " +
                "distribution; add one, or use 'snello debug-image' on the built image");
        }

        // A lock made before any debug build may lack the toolbox; a debug build then resolves again.
        var useLock = existingLock is not null && !options.Refresh && LockMismatch(spec, existingLock) is null
            && (!debug || existingLock.Architectures.Values.All(a => a.Toolbox.Count > 0));
        if (existingLock is not null && !useLock && options.Locked && !options.Refresh)
        {
            throw new LockOutOfDateException(LockFile.PathFor(spec.Path), spec.Path,
                LockMismatch(spec, existingLock)!);
        }

        var builds = new List<ArchitectureBuild>();
        var locked = new SortedDictionary<string, LockedArchitecture>(StringComparer.Ordinal);
        foreach (var architecture in spec.Architectures)
        {
            var selection = useLock
                ? FromLock(existingLock!, architecture)
                : await ResolveAsync(spec, repositories, architecture, options, timings, cancellationToken)
                    .ConfigureAwait(false);
            locked[architecture] = selection.Lock;
            var inputs = await FetchAsync(spec, repositories, selection.Lock.Packages, useLock, timings,
                cancellationToken).ConfigureAwait(false);
            var toolbox = debug
                ? await FetchAsync(spec, repositories, selection.Lock.Toolbox, useLock, timings, cancellationToken)
                    .ConfigureAwait(false)
                : [];
            var image = await AssembleAsync(spec, options, architecture, selection, inputs, toolbox, timings,
                cancellationToken).ConfigureAwait(false);
            builds.Add(new ArchitectureBuild(architecture, image, selection.Packages, selection.Omitted, useLock));
        }

        timings.DownloadSeconds += _archive.IndexTransferTime.TotalSeconds;
        timings.DownloadBytes += _archive.IndexTransferBytes;
        var lockFile = NewLock(spec, locked);
        var artifact = builds.Count == 1
            ? (IManifestArtifact)builds[0].Image
            : ImageIndexes.Of(builds.Select(b => (b.Architecture, b.Image)).ToList());
        var changed = existingLock is null || !existingLock.SameContent(lockFile);
        return new BuildResult(artifact, builds, lockFile, changed, timings);
    }

    private async Task<IImage> AssembleAsync(BuildSpec spec, BuildOptions options, string architecture,
        Selection selection, IReadOnlyList<PackageInput> inputs, IReadOnlyList<PackageInput> toolbox,
        BuildTimings timings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        IImage? baseImage = null;
        if (spec.Base is not null)
        {
            var open = options.OpenBase ?? throw new InvalidOperationException(
                $"the spec names base '{spec.Base}' but no way to open images was given");
            baseImage = await open(spec.Base, architecture, cancellationToken).ConfigureAwait(false);
        }

        var created = options.SourceDateEpoch ?? selection.Created ?? DateTimeOffset.UnixEpoch;
        var plan = Plans.From(spec, inputs, architecture, created, baseImage);
        var image = await ImageAssembler.AssembleAsync(plan, _cache, _logger, cancellationToken)
            .ConfigureAwait(false);
        if (toolbox.Count > 0)
        {
            image = await DebugToolbox.AddAsync(image, toolbox[0], _cache, created, cancellationToken)
                .ConfigureAwait(false);
        }

        timings.AssembleSeconds += clock.Elapsed.TotalSeconds;
        _logger?.LogDebug("Assembled {Architecture} image {Digest}", architecture, image.Digest);
        return image;
    }
}
