using System.Text.Json;

namespace Lantern.Returns.Validation;

/// <summary>
/// The validation report as JSON: <c>{ "rules_run": n, "rules_skipped": [codes], "issues": [ { "rule", "rows",
/// "children" } ] }</c>, each issue also giving its type (error or query), the DfE message and, when the rule could
/// not judge some rows, "unreadable"; <c>skipped_reasons</c> says why each rule was skipped and <c>rules_failed</c>
/// lists any rule that stopped. With detail, each issue lists its rows (child, table, file line, fields, and the
/// reason for an unreadable one). Values of the return are never written, only where they are.
/// </summary>
public static class ValidationJson
{
    public static void Write(ValidationReport report, Stream output, bool detail)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("return", report.Kind == ReturnKind.Cin ? "CIN census" : "SSDA903");
        json.WriteString("year", report.Year.Label);
        json.WriteNumber("rules_run", report.RulesRun);
        json.WriteStartArray("rules_skipped");
        foreach (var s in report.Skipped)
        {
            json.WriteStringValue(s.Code);
        }

        json.WriteEndArray();
        json.WriteStartObject("skipped_reasons");
        foreach (var s in report.Skipped)
        {
            json.WriteString(s.Code, s.Reason);
        }

        json.WriteEndObject();
        if (report.Failed.Count > 0)
        {
            json.WriteStartArray("rules_failed");
            foreach (var f in report.Failed)
            {
                json.WriteStartObject();
                json.WriteString("rule", f.Code);
                json.WriteString("reason", f.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("issues");
        foreach (var issue in report.Issues)
        {
            json.WriteStartObject();
            json.WriteString("rule", issue.Rule.Code);
            json.WriteNumber("rows", issue.Rows);
            json.WriteNumber("children", issue.Children);
            if (issue.Unreadable > 0)
            {
                json.WriteNumber("unreadable", issue.Unreadable);
            }

            json.WriteString("type", issue.Rule.Severity == RuleSeverity.Query ? "query" : "error");
            json.WriteString("message", issue.Rule.Message);
            if (detail)
            {
                json.WriteStartArray("details");
                foreach (var row in issue.Details)
                {
                    json.WriteStartObject();
                    if (row.Child is null)
                    {
                        json.WriteNull("child");
                    }
                    else
                    {
                        json.WriteString("child", row.Child);
                    }

                    json.WriteString("table", row.Table);
                    json.WriteNumber("line", row.Line);
                    json.WriteStartArray("fields");
                    foreach (var f in row.Fields)
                    {
                        json.WriteStringValue(f);
                    }

                    json.WriteEndArray();
                    if (row.Unreadable is { } reason)
                    {
                        json.WriteString("unreadable", reason);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
