using Snello.Debian.Packages;

namespace Snello.Debian.Resolution;

/// <summary>
/// Where a resolution looks packages up. The resolver asks only for the names it meets, so a source over
/// large indexes can parse just those records.
/// </summary>
public interface IPackageSource
{
    /// <summary>Every record of a real package name, in the source's preference order.</summary>
    /// <param name="name">The package name.</param>
    /// <returns>The records; empty when none.</returns>
    IEnumerable<PackageRecord> Named(string name);

    /// <summary>Every record whose Provides names <paramref name="name"/>, in the source's preference order.</summary>
    /// <param name="name">The virtual (or real) name.</param>
    /// <returns>The records; empty when none.</returns>
    IEnumerable<PackageRecord> Providing(string name);

    /// <summary>Every real and provided name, for suggesting close names in errors; may be slow.</summary>
    /// <returns>The names, in no particular order, possibly with repeats.</returns>
    IEnumerable<string> AllNames();
}
