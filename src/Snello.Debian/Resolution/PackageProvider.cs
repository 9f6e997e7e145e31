using Snello.Debian.Packages;
using Snello.Debian.Versions;

namespace Snello.Debian.Resolution;

/// <summary>A package that provides a virtual name, with the version it provides (Debian policy 7.5).</summary>
/// <param name="Record">The providing package.</param>
/// <param name="Version">The version in <c>Provides: name (= version)</c>, or null when unversioned.</param>
internal sealed record PackageProvider(PackageRecord Record, DebianVersion? Version);
