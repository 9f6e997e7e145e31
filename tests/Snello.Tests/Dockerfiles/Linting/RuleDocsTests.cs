using System.Text;
using Snello.Analysis.Findings;
using Snello.Dockerfiles.Linting;

namespace Snello.Tests.Dockerfiles.Linting;

public sealed class RuleDocsTests
{
    [Fact]
    public void Rules_doc_lists_every_rule_as_the_code_defines_it()
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, "docs", "dockerfile-rules.md");
        var expected = Render();
        if (Environment.GetEnvironmentVariable("SNELLO_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/dockerfile-rules.md is missing; run with SNELLO_UPDATE_DOCS=1");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    private static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Dockerfile lint rules\n\n");
        text.Append("`snello dockerfile lint` runs these rules. Ids are stable; severities are on Snello's one "
            + "scale ");
        text.Append("(critical, high, medium, low, info) and can be changed per rule in the configuration file. ");
        text.Append("The last three columns name the rule of the same intent in hadolint, in BuildKit's build ");
        text.Append("checks (`docker build --check`) and in Trivy's Dockerfile misconfiguration checks ");
        text.Append("(AVD-DS-*); a dash means we know of no rule of the same intent there. This file is checked "
            + "against the code by a ");
        text.Append("test; regenerate it with `SNELLO_UPDATE_DOCS=1 dotnet test --filter RuleDocsTests`.\n\n");
        text.Append("| id | name | group | severity | finds | hadolint | BuildKit | Trivy |\n");
        text.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var rule in RuleSet.All)
        {
            text.Append($"| {rule.Id} | {rule.Name} | {rule.Group.ToString().ToLowerInvariant()} | ")
                .Append($"{rule.DefaultSeverity.ToName()} | {Cell(rule.Summary)} | {rule.Hadolint ?? "-"} | ")
                .Append($"{rule.BuildKitCheck ?? "-"} | {rule.Trivy ?? "-"} |\n");
        }

        text.Append("\n## Rules in detail\n");
        foreach (var rule in RuleSet.All)
        {
            text.Append($"\n### {rule.Id} {rule.Name}\n\n{rule.Explanation}\n\nFix: {rule.Fix}\n");
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Snello.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Snello.slnx not found above " + AppContext.BaseDirectory);
    }
}
