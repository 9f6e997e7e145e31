using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting.Rules;

/// <summary>USER by name in an image built FROM scratch without an /etc/passwd.</summary>
public sealed class NamedUserInScratchRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "SN-DF304";

    /// <inheritdoc />
    public override string Name => "named-user-in-scratch";

    /// <inheritdoc />
    public override RuleGroup Group => RuleGroup.Distroless;

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Medium;

    /// <inheritdoc />
    public override string Summary =>
        "USER by name in an image built FROM scratch without an /etc/passwd.";

    /// <inheritdoc />
    public override string Explanation =>
        "A user name is looked up in /etc/passwd when the container starts; scratch has no such file, "
        + "so 'USER app' fails with 'unable to find user app'. A numeric user needs no lookup.";

    /// <inheritdoc />
    public override string Fix =>
        "Use a numeric USER such as 65532:65532, or COPY an /etc/passwd that defines the user.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Dockerfile.FinalStage is not { } final || !context.Traits(final).IsScratch)
        {
            return;
        }

        var hasPasswd = false;
        for (var stage = final; stage is not null; stage = stage.BaseStage)
        {
            hasPasswd |= stage.Instructions.Any(i => i.Keyword is "COPY" or "ADD"
                && i.Arguments.Any(a => a.Contains("passwd", StringComparison.Ordinal)
                    || a.TrimEnd('/') is "/etc" or "/"));
        }

        foreach (var user in final.Instructions.Where(i => i.Keyword == "USER" && i.Arguments.Count > 0))
        {
            var name = user.Arguments[0].Split(':')[0];
            if (!hasPasswd && !name.All(char.IsAsciiDigit) && !name.Contains('$', StringComparison.Ordinal))
            {
                context.Report(user, final, $"USER '{name}' needs /etc/passwd, which scratch does not have");
            }
        }
    }
}
