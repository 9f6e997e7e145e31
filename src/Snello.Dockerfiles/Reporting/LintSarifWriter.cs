using System.Text.Json;
using Snello.Analysis.Findings;
using Snello.Dockerfiles.Linting;

namespace Snello.Dockerfiles.Reporting;

/// <summary>
/// Writes a lint report as SARIF 2.1.0 (OASIS): one run whose tool driver lists every rule
/// (id, name, short and full description, help, default level), and one result per finding with
/// <c>ruleId</c>, <c>level</c> and a physical location (artifact URI, <c>region.startLine</c>,
/// <c>startColumn</c>, <c>endLine</c>).
/// </summary>
public static class LintSarifWriter
{
    private const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    public static void Write(LintReport report, Stream output, string toolVersion = "0.1.0")
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, LintJsonWriter.Options);
        json.WriteStartObject();
        json.WriteString("$schema", Schema);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "snello");
        json.WriteString("version", toolVersion);
        json.WriteStartArray("rules");
        foreach (var rule in RuleSet.All)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            WriteResult(json, finding, report.File);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, LintRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Summary);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Explanation);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", rule.Fix);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", rule.DefaultSeverity.ToSarifLevel());
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("group", rule.Group.ToString().ToLowerInvariant());
        json.WriteString("severity", rule.DefaultSeverity.ToName());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, LintFinding finding, string file)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("level", finding.Severity.ToSarifLevel());
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", file.Replace('\\', '/'));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Position.Line);
        json.WriteNumber("startColumn", finding.Position.Column);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
