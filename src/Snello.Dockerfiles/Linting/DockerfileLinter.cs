using System.Text.RegularExpressions;
using Snello.Dockerfiles.Images;
using Snello.Dockerfiles.Model;

namespace Snello.Dockerfiles.Linting;

/// <summary>
/// Runs the rules over a Dockerfile. Findings can be suppressed inline: a comment
/// <c># snello-ignore SN-DF101 SN-DF202</c> (or <c># snello-ignore=SN-DF101,SN-DF202</c>) on the lines
/// directly above an instruction suppresses those rules for it, <c># snello-ignore-file SN-DF107</c>
/// anywhere suppresses them for the whole file, and either without ids suppresses every rule.
/// </summary>
public static partial class DockerfileLinter
{
    [GeneratedRegex(@"^\s*#\s*snello-ignore(-file)?(?:\s*[=:]\s*|\s+|$)(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex IgnoreComment();

    /// <summary>Lints <paramref name="dockerfile"/> with <paramref name="config"/>.</summary>
    public static LintReport Lint(Dockerfile dockerfile, LintConfig? config = null, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        config ??= LintConfig.Default;
        var catalog = new BaseImageCatalog(config.ShellLessImages, config.NonRootImages);
        var context = new LintContext(dockerfile, catalog);
        var disabled = new HashSet<string>(config.Disable, StringComparer.OrdinalIgnoreCase);

        foreach (var rule in RuleSet.All)
        {
            if (disabled.Contains(rule.Id))
            {
                continue;
            }

            context.Begin(rule);
            rule.Check(context);
        }

        var (fileIgnores, lineIgnores) = ReadSuppressions(dockerfile);
        var kept = new List<LintFinding>();
        var suppressed = 0;
        foreach (var finding in context.Findings)
        {
            if (IsSuppressed(finding, fileIgnores, lineIgnores))
            {
                suppressed++;
                continue;
            }

            kept.Add(config.Severity.TryGetValue(finding.RuleId, out var severity)
                ? finding with { Severity = severity }
                : finding);
        }

        var ordered = kept
            .OrderBy(f => f.Position.Line).ThenBy(f => f.Position.Column).ThenBy(f => f.RuleId,
                StringComparer.Ordinal)
            .ToArray();
        return new LintReport(displayName ?? dockerfile.Path ?? "Dockerfile", ordered, suppressed);
    }

    /// <summary>Parses and lints <paramref name="text"/>.</summary>
    /// <exception cref="Syntax.DockerfileParseException">The text does not parse.</exception>
    public static LintReport Lint(string text, LintConfig? config = null, string? displayName = null) =>
        Lint(Dockerfile.Parse(text, displayName), config, displayName);

    private static bool IsSuppressed(LintFinding finding, HashSet<string> fileIgnores,
        List<(int Start, int End, HashSet<string> Ids)> lineIgnores)
    {
        if (fileIgnores.Contains("*") || fileIgnores.Contains(finding.RuleId))
        {
            return true;
        }

        var line = finding.Position.Line;
        return lineIgnores.Any(range => range.Start <= line && line <= range.End
            && (range.Ids.Contains("*") || range.Ids.Contains(finding.RuleId)));
    }

    private static (HashSet<string> File, List<(int Start, int End, HashSet<string> Ids)> Lines) ReadSuppressions(
        Dockerfile file)
    {
        var fileIgnores = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lineIgnores = new List<(int Start, int End, HashSet<string> Ids)>();
        var lines = file.Syntax.Lines;
        var pending = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        // Instructions' first lines, so that a pending suppression attaches to the next instruction.
        var ends = file.Instructions.ToDictionary(i => i.StartLine, i => i.EndLine);
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNumber = i + 1;
            var match = lines[i].Contains("snello-ignore", StringComparison.Ordinal)
                ? IgnoreComment().Match(lines[i])
                : Match.Empty;
            if (match.Success)
            {
                var ids = match.Groups[2].Value
                    .Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .TakeWhile(id => id.StartsWith("SN-", StringComparison.OrdinalIgnoreCase))
                    .ToArray();
                var target = match.Groups[1].Success ? fileIgnores : pending;
                if (ids.Length == 0)
                {
                    target.Add("*");
                }
                else
                {
                    target.UnionWith(ids);
                }

                continue;
            }

            if (ends.TryGetValue(lineNumber, out var end) && pending.Count > 0)
            {
                lineIgnores.Add((lineNumber, end, new HashSet<string>(pending, StringComparer.OrdinalIgnoreCase)));
                pending.Clear();
            }
        }

        return (fileIgnores, lineIgnores);
    }
}
