using Snello.Debian.Versions;

namespace Snello.Debian.Control;

/// <summary>
/// One package named in a relationship field, such as <c>libc6:amd64 (&gt;= 2.36) [amd64] &lt;!nocheck&gt;</c>
/// (Debian policy 7.1).
/// </summary>
/// <param name="Name">The package name.</param>
/// <param name="ArchitectureQualifier">
/// What follows <c>:</c> after the name (<c>any</c>, <c>native</c> or an architecture), or null.
/// </param>
/// <param name="Constraint">The version constraint, or null when any version will do.</param>
/// <param name="Architectures">The architecture restriction list in brackets; empty when none.</param>
/// <param name="Profiles">
/// The build profile formulas in angle brackets: the relation applies when any formula holds, and a formula
/// holds when all its terms do. Empty when none.
/// </param>
public sealed record Relation(
    string Name,
    string? ArchitectureQualifier,
    VersionConstraint? Constraint,
    IReadOnlyList<RestrictionTerm> Architectures,
    IReadOnlyList<IReadOnlyList<RestrictionTerm>> Profiles)
{
    /// <summary>The relation written in control file syntax.</summary>
    /// <returns>The relation text, such as <c>libc6 (&gt;= 2.36)</c>.</returns>
    public override string ToString()
    {
        var text = ArchitectureQualifier is null ? Name : $"{Name}:{ArchitectureQualifier}";
        if (Constraint is not null)
        {
            text += " " + Constraint;
        }

        if (Architectures.Count > 0)
        {
            text += $" [{string.Join(' ', Architectures)}]";
        }

        return Profiles.Aggregate(text, (t, formula) => t + $" <{string.Join(' ', formula)}>");
    }
}
