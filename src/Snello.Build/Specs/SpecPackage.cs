using Snello.Debian.Versions;

namespace Snello.Build.Specs;

/// <summary>One entry of <c>packages</c>: a package name with an optional version constraint.</summary>
/// <param name="Name">The Debian package name, such as <c>libc6</c>.</param>
/// <param name="Constraint">The constraint of <c>libc6 (&gt;= 2.36)</c>, or null when any version will do.</param>
public sealed record SpecPackage(string Name, VersionConstraint? Constraint)
{
    /// <summary>The entry as written in control file syntax.</summary>
    /// <returns>The name and, when present, the constraint: <c>libc6 (&gt;= 2.36)</c>.</returns>
    public override string ToString() => Constraint is null ? Name : $"{Name} {Constraint}";
}
