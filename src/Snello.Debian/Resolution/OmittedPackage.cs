namespace Snello.Debian.Resolution;

/// <summary>A package a dependency asked for that the policy left out, for <c>--explain</c>.</summary>
/// <param name="Name">The name the dependency chose: a package or a virtual name.</param>
/// <param name="RequiredBy">The package whose dependency asked for it.</param>
/// <param name="Reason">Why the policy leaves it out.</param>
/// <param name="Dependency">
/// The dependency as written with its field, such as <c>Depends: debconf (&gt;= 0.5) | debconf-2.0</c>.
/// </param>
public sealed record OmittedPackage(string Name, string RequiredBy, string Reason, string Dependency = "");
