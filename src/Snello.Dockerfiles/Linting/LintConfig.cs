using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting;

/// <summary>
/// Settings for a lint run, usually read from a JSON file (see <see cref="LintConfigReader"/>):
/// rules to turn off, severity overrides, and base images the built-in catalog does not know.
/// </summary>
public sealed record LintConfig
{
    /// <summary>Rule ids that do not run.</summary>
    public IReadOnlyList<string> Disable { get; init; } = [];

    /// <summary>A severity for each rule id that should not use its default.</summary>
    public IReadOnlyDictionary<string, Severity> Severity { get; init; } = new Dictionary<string, Severity>();

    /// <summary>Base image names or prefixes (ending in <c>*</c>) that have no shell.</summary>
    public IReadOnlyList<string> ShellLessImages { get; init; } = [];

    /// <summary>Base image names or prefixes (ending in <c>*</c>) whose config sets a non-root USER.</summary>
    public IReadOnlyList<string> NonRootImages { get; init; } = [];

    /// <summary>The configuration with every default.</summary>
    public static LintConfig Default { get; } = new();
}
