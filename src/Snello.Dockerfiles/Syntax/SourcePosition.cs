namespace Snello.Dockerfiles.Syntax;

/// <summary>
/// A place in a Dockerfile: a 1-based line and a 1-based column counted in UTF-16 code units
/// (the column kind SARIF assumes by default).
/// </summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
