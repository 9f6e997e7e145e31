namespace Snello.Debian.Control;

/// <summary>
/// One comma-separated entry of a relationship field: alternatives separated by <c>|</c>, any one of which
/// satisfies it (Debian policy 7.1).
/// </summary>
/// <param name="Alternatives">The alternatives in the order written (the first is preferred).</param>
public sealed record Dependency(IReadOnlyList<Relation> Alternatives)
{
    /// <summary>The dependency in control file syntax: <c>a | b (&gt;= 1)</c>.</summary>
    /// <returns>The dependency text.</returns>
    public override string ToString() => string.Join(" | ", Alternatives);
}
