namespace Snello.Debian.Resolution;

/// <summary>The outcome of resolving requests: what goes into the image and what the policy left out.</summary>
/// <param name="Packages">The selected packages, sorted by name (ordinal).</param>
/// <param name="Omitted">
/// Each package the policy left out, once per package that asked for it, sorted by name then by asker.
/// </param>
public sealed record Resolution(IReadOnlyList<ResolvedPackage> Packages, IReadOnlyList<OmittedPackage> Omitted)
{
    /// <summary>The selected package of a name, or null.</summary>
    /// <param name="name">The package name.</param>
    /// <returns>The package, or null when it is not selected.</returns>
    public ResolvedPackage? Find(string name) =>
        Packages.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
