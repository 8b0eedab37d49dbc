using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Reports;

/// <summary>
/// <c>{"findings": [...], "summary": {...}}</c> per DESIGN.md's finding contract. Every field is always
/// written (null when it does not apply), so scripts see one shape; order is account, control, region.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "json";

    public void Write(RunResult result, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
            WriteSummary(json, result.Summary);
            if (result.Collection is { } collection)
            {
                WriteCollection(json, collection);
            }

            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("controlId", finding.ControlId);
        json.WriteString("accountId", finding.AccountId);
        WriteNullable(json, "region", finding.Region);
        json.WriteString("outcome", finding.Outcome.ToCode());
        json.WriteBoolean("suppressed", finding.Suppressed);
        json.WritePropertyName("exception");
        if (finding.SuppressedBy is { } entry)
        {
            WriteException(json, entry);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartArray("reasons");
        foreach (var reason in finding.Reasons)
        {
            json.WriteStringValue(reason.ToCode());
        }

        json.WriteEndArray();
        WriteNullable(json, "verdict", finding.Verdict?.ToName());
        WriteNullable(json, "literalVerdict", finding.LiteralVerdict?.ToCode());
        WritePattern(json, finding.Pattern);
        json.WriteString("message", finding.Message);
        json.WriteStartObject("evidence");
        WriteStrings(json, "chain", finding.Evidence.Chain);
        WriteStrings(json, "candidates", finding.Evidence.Candidates);
        json.WriteEndObject();
        WriteNullable(json, "inheritedFrom", finding.InheritedFrom);
        if (finding.Locations is { } locations)
        {
            json.WriteStartArray("locations");
            foreach (var location in locations)
            {
                json.WriteStartObject();
                json.WriteString("link", location.Link);
                json.WriteString("file", location.File);
                WriteNullableNumber(json, "startLine", location.StartLine);
                WriteNullableNumber(json, "endLine", location.EndLine);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WritePattern(Utf8JsonWriter json, JudgedPattern? pattern)
    {
        if (pattern is null)
        {
            json.WriteNull("pattern");
            return;
        }

        json.WriteStartObject("pattern");
        json.WriteString("text", pattern.Text);
        WriteNullable(json, "variant", pattern.Variant);
        WriteStrings(json, "missed", pattern.Missed);
        WriteStrings(json, "extra", pattern.Extra);
        json.WriteEndObject();
    }

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteSummary(Utf8JsonWriter json, RunSummary summary)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("accounts", summary.Accounts);
        json.WriteNumber("controls", summary.Controls);
        json.WriteNumber("pass", summary.Pass);
        json.WriteNumber("fail", summary.Fail);
        json.WriteNumber("error", summary.Error);
        json.WriteNumber("suppressed", summary.Suppressed);
        json.WriteStartArray("expiredExceptions");
        foreach (var entry in summary.ExpiredExceptions)
        {
            WriteException(json, entry);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCollection(Utf8JsonWriter json, CollectionSummary collection)
    {
        json.WriteStartObject("collection");
        json.WriteNumber("calls", collection.Calls);
        json.WriteNumber("throttles", collection.Throttles);
        json.WriteNumber("retries", collection.Retries);
        json.WriteNumber("failures", collection.Failures);
        json.WriteNumber("seconds", Math.Round(collection.Duration.TotalSeconds, 3));
        json.WriteStartArray("accounts");
        foreach (var account in collection.Accounts)
        {
            json.WriteStartObject();
            json.WriteString("accountId", account.AccountId);
            json.WriteNumber("calls", account.Calls);
            json.WriteNumber("throttles", account.Throttles);
            json.WriteNumber("retries", account.Retries);
            json.WriteNumber("failures", account.Failures);
            json.WriteStartObject("byAction");
            foreach (var (action, count) in account.ByAction.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(action, count);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteException(Utf8JsonWriter json, ExceptionEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("control", entry.Control);
        WriteStrings(json, "accounts", entry.Accounts);
        WriteNullable(json, "region", entry.Region);
        WriteNullable(json, "resource", entry.Resource);
        json.WriteString("owner", entry.Owner);
        json.WriteString("reason", entry.Reason);
        json.WriteString("expires", entry.Expires.ToString("yyyy-MM-dd"));
        json.WriteString("source", $"{entry.File}:{entry.Line}");
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
