using Snello.Analysis.Findings;
using Snello.Dockerfiles.Model;
using Snello.Dockerfiles.Shell;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>A FROM line using a variable that no ARG before the first FROM declares.</summary>
public sealed class UndefinedArgInFromRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF013";

    /// <inheritdoc />
    public override string Name => "undefined-arg-in-from";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Correctness;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Medium;

    /// <inheritdoc />
    public override string Summary =>
        "A FROM line using a variable that no ARG before the first FROM declares.";

    /// <inheritdoc />
    public override string Explanation =>
        "FROM lines see only the global ARGs, those declared before the first FROM, and the automatic "
        + "platform ARGs. An ARG declared inside a stage is not visible to a later FROM, so the "
        + "variable expands to nothing.";

    /// <inheritdoc />
    public override string Fix =>
        "Declare the ARG, with a default, before the first FROM.";

    /// <inheritdoc />
    public override string? BuildKitCheck => "UndefinedArgInFrom, InvalidDefaultArgInFrom";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = context.Dockerfile;
        foreach (var stage in file.Stages)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                var empty = new Dictionary<string, string>();
                names.UnionWith(new ShellLexer().Process(stage.BaseImage, empty).Unmatched);
                names.UnionWith(new ShellLexer().Process(stage.From.Flag("platform")?.Value ?? "",
                    empty).Unmatched);
            }
            catch (ShellExpansionException)
            {
                // SN-DF004 reports a FROM line that does not expand.
                continue;
            }

            foreach (var name in names.Order(StringComparer.Ordinal))
            {
                if (Dockerfile.AutomaticArgs.ContainsKey(name))
                {
                    continue;
                }

                if (!file.GlobalArgs.TryGetValue(name, out var value))
                {
                    context.Report(stage.From, stage,
                        $"FROM uses '${name}', which no ARG before the first FROM declares");
                }
                else if (value is null)
                {
                    context.Report(stage.From, stage,
                        $"FROM uses '${name}', declared without a default; the build fails unless --build-arg sets "
                            + $"it",
                        Severity.Low);
                }
            }
        }
    }
}
