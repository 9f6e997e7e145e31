namespace Snello.Debian.Versions;

/// <summary>
/// A version constraint from a relationship field, such as the <c>(&gt;= 2.36)</c> of
/// <c>libc6 (&gt;= 2.36)</c> (Debian policy 7.1).
/// </summary>
/// <param name="Operator">The relation.</param>
/// <param name="Version">The version the relation compares with.</param>
public sealed record VersionConstraint(VersionOperator Operator, DebianVersion Version)
{
    /// <summary>Parses a constraint, with or without its parentheses: <c>(&gt;= 1.2)</c>, <c>&lt;&lt;3</c>.</summary>
    /// <remarks>
    /// The obsolete forms <c>&lt;</c> and <c>&gt;</c> mean <c>&lt;=</c> and <c>&gt;=</c>, as dpkg still reads
    /// them (policy 7.1 forbids them in new packages).
    /// </remarks>
    /// <param name="text">The constraint text.</param>
    /// <returns>The constraint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="VersionConstraintFormatException">The text is not a constraint.</exception>
    public static VersionConstraint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.Trim();
        if (body.StartsWith('('))
        {
            if (!body.EndsWith(')'))
            {
                throw new VersionConstraintFormatException(text, "the '(' is not closed by ')'");
            }

            body = body[1..^1].Trim();
        }

        var (op, length) = body switch
        {
            _ when body.StartsWith("<<", StringComparison.Ordinal) => (VersionOperator.StrictlyEarlier, 2),
            _ when body.StartsWith("<=", StringComparison.Ordinal) => (VersionOperator.EarlierOrEqual, 2),
            _ when body.StartsWith(">>", StringComparison.Ordinal) => (VersionOperator.StrictlyLater, 2),
            _ when body.StartsWith(">=", StringComparison.Ordinal) => (VersionOperator.LaterOrEqual, 2),
            _ when body.StartsWith('=') => (VersionOperator.Equal, 1),
            _ when body.StartsWith('<') => (VersionOperator.EarlierOrEqual, 1),
            _ when body.StartsWith('>') => (VersionOperator.LaterOrEqual, 1),
            _ => throw new VersionConstraintFormatException(
                text, "expected one of << <= = >= >> followed by a version"),
        };

        var versionText = body[length..].Trim();
        try
        {
            return new VersionConstraint(op, DebianVersion.Parse(versionText));
        }
        catch (DebianVersionFormatException e)
        {
            throw new VersionConstraintFormatException(text, e.Message, e);
        }
    }

    /// <summary>True when <paramref name="candidate"/> meets this constraint.</summary>
    /// <param name="candidate">The version of a package that might satisfy the relation.</param>
    /// <returns>True when it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidate"/> is null.</exception>
    public bool IsSatisfiedBy(DebianVersion candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var order = DebianVersion.Compare(candidate, Version);
        return Operator switch
        {
            VersionOperator.StrictlyEarlier => order < 0,
            VersionOperator.EarlierOrEqual => order <= 0,
            VersionOperator.Equal => order == 0,
            VersionOperator.LaterOrEqual => order >= 0,
            _ => order > 0,
        };
    }

    /// <summary>The operator as written in control files: <c>&lt;&lt;</c>, <c>&lt;=</c>, <c>=</c>, ...</summary>
    /// <param name="op">The operator.</param>
    /// <returns>Its symbol.</returns>
    public static string Symbol(VersionOperator op) => op switch
    {
        VersionOperator.StrictlyEarlier => "<<",
        VersionOperator.EarlierOrEqual => "<=",
        VersionOperator.Equal => "=",
        VersionOperator.LaterOrEqual => ">=",
        _ => ">>",
    };

    /// <summary>The constraint as written in control files, <c>(&gt;= 2.36)</c>.</summary>
    /// <returns>The constraint text.</returns>
    public override string ToString() => $"({Symbol(Operator)} {Version})";
}
