using Snello.Debian.Resolution;
using Snello.Oci.Images;

namespace Snello.Build.Pipeline;

/// <summary>What a build made for one architecture, and why each package is in it.</summary>
/// <param name="Architecture">The Debian architecture, such as <c>amd64</c>.</param>
/// <param name="Image">The image.</param>
/// <param name="Packages">Every package in the image with the reasons it is there.</param>
/// <param name="Omitted">What the resolution policy left out, and who asked for it; empty from a lock.</param>
/// <param name="FromLock">True when the packages came from the lock file without resolving.</param>
public sealed record ArchitectureBuild(
    string Architecture,
    IImage Image,
    IReadOnlyList<BuiltPackage> Packages,
    IReadOnlyList<OmittedPackage> Omitted,
    bool FromLock);
