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
            var expansion = new ShellLexer().Process(stage.From.Arguments.Count > 0 ? stage.From.Arguments[0] : "",
                new Dictionary<string, string>());
            var platform = stage.From.Flag("platform")?.Value ?? "";
            var platformNames = new ShellLexer().Process(platform, new Dictionary<string, string>()).Unmatched;
            foreach (var name in expansion.Unmatched.Concat(platformNames).Distinct(StringComparer.Ordinal))
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
