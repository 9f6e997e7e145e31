namespace Snello.Debian.Resolution;

/// <summary>
/// No package in the archive satisfies a request or a dependency, or two selected packages conflict.
/// </summary>
public sealed class UnsatisfiableDependencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="package">
    /// The package whose relation fails, as <c>name version</c>; null when a top-level request fails.
    /// </param>
    /// <param name="field">The relation's field (<c>Depends</c>, <c>Pre-Depends</c>, <c>Conflicts</c>,
    /// <c>Breaks</c>); null for a request.</param>
    /// <param name="relation">The relation as written, or the request.</param>
    /// <param name="detail">What the archive holds instead, or what stands in the way.</param>
    public UnsatisfiableDependencyException(string? package, string? field, string relation, string detail)
        : base(package is null
            ? $"package '{relation}' {detail}"
            : $"package '{package}' {field}: '{relation}', but {detail}")
    {
        Package = package;
        Field = field;
        Relation = relation;
        Detail = detail;
    }

    /// <summary>The package whose relation fails (<c>name version</c>), or null for a request.</summary>
    public string? Package { get; }

    /// <summary>The relation's field, or null for a request.</summary>
    public string? Field { get; }

    /// <summary>The relation as written, or the request.</summary>
    public string Relation { get; }

    /// <summary>What the archive holds instead, or what stands in the way.</summary>
    public string Detail { get; }
}
