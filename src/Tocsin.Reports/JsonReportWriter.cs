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
        JsonText.Write(output, Options, json =>
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
        });
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("controlId", finding.ControlId);
        json.WriteString("accountId", finding.AccountId);
        json.WriteStringOrNull("region", finding.Region);
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
        json.WriteStringOrNull("verdict", finding.Verdict?.ToName());
        json.WriteStringOrNull("literalVerdict", finding.LiteralVerdict?.ToCode());
        WritePattern(json, finding.Pattern);
        json.WriteString("message", finding.Message);
        json.WriteStartObject("evidence");
        json.WriteStrings("chain", finding.Evidence.Chain);
        json.WriteStrings("candidates", finding.Evidence.Candidates);
        json.WriteEndObject();
        json.WriteStringOrNull("inheritedFrom", finding.InheritedFrom);
        json.WriteString("chain", finding.Chain.ToCode());
        WriteOtherChain(json, finding.OtherChain);
        if (finding.Locations is { } locations)
        {
            json.WriteStartArray("locations");
            foreach (var location in locations)
            {
                json.WriteStartObject();
                json.WriteString("link", location.Link);
                json.WriteString("file", location.File);
                json.WriteNumberOrNull("startLine", location.StartLine);
                json.WriteNumberOrNull("endLine", location.EndLine);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>The chain the finding does not report, when it was judged: which, its outcome, reasons, message and evidence.</summary>
    private static void WriteOtherChain(Utf8JsonWriter json, ChainState? other)
    {
        if (other is null)
        {
            json.WriteNull("otherChain");
            return;
        }

        json.WriteStartObject("otherChain");
        json.WriteString("chain", other.Chain.ToCode());
        json.WriteString("outcome", other.Outcome.ToCode());
        json.WriteStrings("reasons", [.. other.Reasons.Select(reason => reason.ToCode())]);
        json.WriteString("message", other.Message);
        json.WriteStrings("evidence", other.Evidence);
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
        json.WriteStringOrNull("variant", pattern.Variant);
        json.WriteStrings("missed", pattern.Missed);
        json.WriteStrings("extra", pattern.Extra);
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, RunSummary summary)
    {
        json.WriteStartObject("summary");
        json.WriteCounts(summary);
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
        json.WriteStrings("accounts", entry.Accounts);
        json.WriteStringOrNull("region", entry.Region);
        json.WriteStringOrNull("resource", entry.Resource);
        json.WriteString("owner", entry.Owner);
        json.WriteString("reason", entry.Reason);
        json.WriteString("expires", entry.Expires.ToString("yyyy-MM-dd"));
        json.WriteString("source", $"{entry.File}:{entry.Line}");
        json.WriteEndObject();
    }
}
