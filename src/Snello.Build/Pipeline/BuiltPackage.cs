namespace Snello.Build.Pipeline;

/// <summary>A package in a built image.</summary>
/// <param name="Name">The package name.</param>
/// <param name="Version">The version.</param>
/// <param name="Architecture">The package's architecture (<c>all</c> for architecture-independent ones).</param>
/// <param name="Reasons">Why it is in: <c>requested</c>, a dependency, a library a file needs, the lock.</param>
public sealed record BuiltPackage(string Name, string Version, string Architecture, IReadOnlyList<string> Reasons);
