using Snello.Debian.Versions;

namespace Snello.Debian.Resolution;

/// <summary>A package a spec asks for by name, optionally with a version constraint.</summary>
/// <param name="Name">The package name, or a virtual name some package provides.</param>
/// <param name="Constraint">The version it must meet, or null for the highest the archive holds.</param>
public sealed record PackageRequest(string Name, VersionConstraint? Constraint = null)
{
    /// <summary>The request as a relation would be written: <c>libc6 (&gt;= 2.36)</c>.</summary>
    /// <returns>The request text.</returns>
    public override string ToString() => Constraint is null ? Name : $"{Name} {Constraint}";
}
