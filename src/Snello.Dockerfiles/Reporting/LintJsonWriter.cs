using System.Text.Encodings.Web;
using System.Text.Json;
using Snello.Analysis.Findings;
using Snello.Dockerfiles.Linting;

namespace Snello.Dockerfiles.Reporting;

/// <summary>
/// Writes a lint report as Snello's stable JSON: <c>{"file", "findings": [{"ruleId", "name",
/// "group", "severity", "message", "line", "column", "endLine", "stage"}], "suppressed"}</c>.
/// </summary>
public static class LintJsonWriter
{
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> as UTF-8 JSON.</summary>
    public static void Write(LintReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("file", report.File);
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            var rule = RuleSet.Find(finding.RuleId);
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("name", rule?.Name);
            json.WriteString("group", rule?.Group.ToString().ToLowerInvariant());
            json.WriteString("severity", finding.Severity.ToName());
            json.WriteString("message", finding.Message);
            json.WriteNumber("line", finding.Position.Line);
            json.WriteNumber("column", finding.Position.Column);
            json.WriteNumber("endLine", finding.EndLine);
            if (finding.Stage is null)
            {
                json.WriteNull("stage");
            }
            else
            {
                json.WriteString("stage", finding.Stage);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("suppressed", report.Suppressed);
        json.WriteEndObject();
    }
}
