using Snello.Analysis.Findings;
using Snello.Dockerfiles.Model;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>An ARG or ENV whose name says it holds a secret (password, token, API key...).</summary>
public sealed class SecretInArgOrEnvRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF102";

    /// <inheritdoc />
    public override string Name => "secret-in-arg-or-env";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Security;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.High;

    /// <inheritdoc />
    public override string Summary =>
        "An ARG or ENV whose name says it holds a secret (password, token, API key...).";

    /// <inheritdoc />
    public override string Explanation =>
        "ENV values are stored in the image config and every ARG value used by a RUN is recorded in "
        + "the image history: anyone who can pull the image can read them. In a builder stage the value "
        + "does not ship in the final image, but it still sits in the build cache and in the builder's "
        + "history, so the finding is reported as medium there.";

    /// <inheritdoc />
    public override string Fix =>
        "Pass secrets with RUN --mount=type=secret (BuildKit) or at run time through the "
        + "orchestrator's secret store; never bake them into the image.";

    /// <inheritdoc />
    public override string? BuildKitCheck => "SecretsUsedInArgOrEnv";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stage, instruction) in context.Dockerfile.StageInstructions())
        {
            if (instruction.Keyword is not ("ARG" or "ENV"))
            {
                continue;
            }

            var names = instruction.Keyword == "ARG"
                ? Dockerfile.ArgDeclarations(instruction).Select(d => d.Name)
                : instruction.Arguments.Where((_, i) => i % 3 == 0);
            foreach (var name in names)
            {
                if (LooksSecret(name))
                {
                    context.Report(instruction, stage, $"{instruction.Keyword} '{name}' looks like a secret",
                        stage.ShipsInFinalImage ? Severity.High : Severity.Medium);
                }
            }
        }
        foreach (var instruction in context.Dockerfile.Preamble.Where(i => i.Keyword == "ARG"))
        {
            foreach (var (name, _) in Dockerfile.ArgDeclarations(instruction))
            {
                if (LooksSecret(name))
                {
                    context.Report(instruction, null, $"global ARG '{name}' looks like a secret", Severity.Medium);
                }
            }
        }
    }

    // Name tokens (split at '_', '-' and '.') that say a value is a secret, in the spirit of BuildKit's
    // SecretsUsedInArgOrEnv; 'key' alone is left out because GPG_KEY-style public key ids are common.
    private static readonly string[] SecretTokens =
        ["password", "passwd", "pass", "pwd", "pword", "secret", "token", "apikey", "credential", "credentials",
         "privatekey"];

    private static readonly string[] SecretPairs = ["api_key", "access_key", "secret_key", "private_key",
        "auth_token"];

    private static readonly string[] NotSecret = ["file", "path", "dir", "url", "user", "username", "id", "name"];

    private static bool LooksSecret(string name)
    {
        var lower = name.ToLowerInvariant();
        var tokens = lower.Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || NotSecret.Contains(tokens[^1], StringComparer.Ordinal))
        {
            return false;
        }

        return tokens.Any(t => SecretTokens.Contains(t, StringComparer.Ordinal))
            || SecretPairs.Any(pair => lower.Contains(pair, StringComparison.Ordinal));
    }
}
