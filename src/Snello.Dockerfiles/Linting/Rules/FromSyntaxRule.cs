using Snello.Analysis.Findings;
using Snello.Dockerfiles.Shell;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>A FROM line the builder rejects: wrong arguments, an invalid stage name or a base that expands to
/// nothing.</summary>
public sealed class FromSyntaxRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF004";

    /// <inheritdoc />
    public override string Name => "invalid-from";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "A FROM line the builder rejects: wrong arguments, an invalid stage name or a base that "
        + "expands to nothing.";

    /// <inheritdoc />
    public override string Explanation =>
        "FROM takes an image and optionally 'AS name'. A stage name must start with a letter and hold "
        + "only letters, digits, '-', '_' and '.'. When the base comes from an ARG without a default, "
        + "it expands to an empty or incomplete reference and the build fails with 'invalid reference "
        + "format'.";

    /// <inheritdoc />
    public override string Fix =>
        "Write 'FROM image[:tag] [AS name]', give the ARG a default, or pass it with --build-arg.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var stage in context.Dockerfile.Stages)
        {
            var args = stage.From.Arguments;
            if (args.Count is not (1 or 3) || (args.Count == 3 && !args[1].Equals("AS",
                StringComparison.OrdinalIgnoreCase)))
            {
                context.Report(stage.From, stage,
                    $"FROM requires an image and optionally 'AS name', found '{string.Join(' ', args)}'");
                continue;
            }

            if (stage.Name is not null && !IsValidStageName(stage.Name))
            {
                context.Report(stage.From, stage,
                    $"invalid stage name '{stage.Name}': it must start with a letter and hold only letters, digits, "
                        + $"'-', '_' and '.'");
            }

            try
            {
                _ = new ShellLexer().ProcessWord(stage.BaseImage, new Dictionary<string, string>());
            }
            catch (ShellExpansionException error)
            {
                context.Report(stage.From, stage, $"base '{stage.BaseImage}' does not expand: {error.Reason}");
                continue;
            }

            var resolved = stage.ResolvedBaseImage;
            if (resolved.Length == 0 || resolved.EndsWith(':') || resolved.EndsWith('@')
                || resolved.StartsWith(':'))
            {
                context.Report(stage.From, stage,
                    $"base '{stage.BaseImage}' expands to '{resolved}', which is not an image reference");
            }
        }
    }

    // BuildKit: stage names match ^[a-z][a-z0-9-_.]*$ after lowercasing.
    private static bool IsValidStageName(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.Length > 0 && char.IsAsciiLetterLower(lower[0])
            && lower.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');
    }
}
