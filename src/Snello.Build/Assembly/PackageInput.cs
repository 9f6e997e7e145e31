using Snello.Debian.Packages;

namespace Snello.Build.Assembly;

/// <summary>One resolved package to install: its index record and the verified .deb on disk.</summary>
/// <param name="Record">The package as the index (or lock file) describes it.</param>
/// <param name="DebPath">The .deb file, already checked against the index's SHA256.</param>
public sealed record PackageInput(PackageRecord Record, string DebPath);
