using Snello.Debian.Resolution;

namespace Snello.Build.Pipeline;

/// <summary>What one architecture resolved to.</summary>
/// <param name="Architecture">The Debian architecture.</param>
/// <param name="Packages">Each package with why it is in.</param>
/// <param name="Omitted">What the policy left out, and who asked for it.</param>
public sealed record ArchitectureLock(
    string Architecture,
    IReadOnlyList<BuiltPackage> Packages,
    IReadOnlyList<OmittedPackage> Omitted);
