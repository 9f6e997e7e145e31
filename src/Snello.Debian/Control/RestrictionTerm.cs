namespace Snello.Debian.Control;

/// <summary>
/// One term of a restriction: an architecture in <c>[amd64 !i386]</c> or a build profile in
/// <c>&lt;!nocheck stage1&gt;</c> (Debian policy 7.1, 7.7).
/// </summary>
/// <param name="Name">The architecture (or wildcard such as <c>linux-any</c>) or profile name.</param>
/// <param name="Negated">True when written with a leading <c>!</c>.</param>
public sealed record RestrictionTerm(string Name, bool Negated)
{
    /// <summary>The term as written: <c>!nocheck</c>, <c>amd64</c>.</summary>
    /// <returns>The term text.</returns>
    public override string ToString() => Negated ? "!" + Name : Name;
}
