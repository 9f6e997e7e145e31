using Snello.Build.Locking;
using Snello.Oci.Images;

namespace Snello.Build.Pipeline;

/// <summary>The outcome of a build: the image or index, what went into it, and the lock to keep.</summary>
/// <param name="Artifact">One image, or an index of one image per architecture.</param>
/// <param name="Architectures">Each architecture's image and packages.</param>
/// <param name="Lock">The lock file for this spec, new or unchanged.</param>
/// <param name="LockChanged">True when <paramref name="Lock"/> differs from the lock the build was given.</param>
/// <param name="Timings">Where the time went.</param>
public sealed record BuildResult(
    IManifestArtifact Artifact,
    IReadOnlyList<ArchitectureBuild> Architectures,
    LockFile Lock,
    bool LockChanged,
    BuildTimings Timings);
