using Snello.Debian.Packages;

namespace Snello.Debian.Resolution;

/// <summary>A package the resolution selected, with why it is in.</summary>
/// <param name="Record">The selected version's record.</param>
/// <param name="Reasons">
/// <c>requested</c> for a package the caller asked for, then one entry per dependency it satisfies, such as
/// <c>libssl3 Depends: libc6 (&gt;= 2.34)</c>, sorted.
/// </param>
public sealed record ResolvedPackage(PackageRecord Record, IReadOnlyList<string> Reasons)
{
    /// <summary>The package name.</summary>
    public string Name => Record.Package;
}
