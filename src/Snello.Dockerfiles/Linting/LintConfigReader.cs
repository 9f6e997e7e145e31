using System.Text.Json;
using Snello.Analysis.Findings;

namespace Snello.Dockerfiles.Linting;

/// <summary>
/// Reads a lint configuration file, JSON such as
/// <c>{"disable": ["SN-DF010"], "severity": {"SN-DF107": "high"}, "shellLessImages": ["registry.example/base/*"],
/// "nonRootImages": ["registry.example/base/*"]}</c>. Unknown keys and unknown rule ids are errors,
/// so that a typo does not silently leave a rule on.
/// </summary>
public static class LintConfigReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="LintConfigException">The file is missing, not JSON, or names an unknown key, rule or
    /// severity.</exception>
    public static LintConfig Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new LintConfigException(path, error.Message);
        }

        return Parse(text, path);
    }

    /// <summary>Reads configuration text; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="LintConfigException">The text is not JSON, or names an unknown key, rule or
    /// severity.</exception>
    public static LintConfig Parse(string text, string path = "(config)")
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            return Read(document.RootElement, path);
        }
        catch (JsonException error)
        {
            throw new LintConfigException(path, error.Message);
        }
    }

    private static LintConfig Read(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new LintConfigException(path, "expected a JSON object");
        }

        var config = LintConfig.Default;
        foreach (var property in root.EnumerateObject())
        {
            config = property.Name switch
            {
                "disable" => config with { Disable = RuleIds(Strings(property, path), path) },
                "severity" => config with { Severity = Severities(property, path) },
                "shellLessImages" => config with { ShellLessImages = Strings(property, path) },
                "nonRootImages" => config with { NonRootImages = Strings(property, path) },
                _ => throw new LintConfigException(path,
                    $"unknown key '{property.Name}': expected disable, severity, shellLessImages or nonRootImages"),
            };
        }

        return config;
    }

    private static string[] Strings(JsonProperty property, string path)
    {
        if (property.Value.ValueKind != JsonValueKind.Array
            || property.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new LintConfigException(path, $"'{property.Name}' must be an array of strings");
        }

        return property.Value.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static string[] RuleIds(string[] ids, string path)
    {
        foreach (var id in ids)
        {
            if (RuleSet.Find(id) is null)
            {
                throw new LintConfigException(path, $"unknown rule '{id}'");
            }
        }

        return ids;
    }

    private static Dictionary<string, Severity> Severities(JsonProperty property, string path)
    {
        if (property.Value.ValueKind != JsonValueKind.Object)
        {
            throw new LintConfigException(path, "'severity' must map rule ids to severities");
        }

        var result = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in property.Value.EnumerateObject())
        {
            _ = RuleIds([entry.Name], path);
            var text = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : null;
            if (!SeverityText.TryParse(text, out var severity))
            {
                throw new LintConfigException(path,
                    $"invalid severity '{entry.Value}' for '{entry.Name}': expected one of "
                        + $"{SeverityText.ExpectedNames}");
            }

            result[entry.Name] = severity;
        }

        return result;
    }
}
