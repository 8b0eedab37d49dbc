using System.Text.Encodings.Web;
using System.Text.Json;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Sarif;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run of the tool Tocsin, one rule per control in
/// the findings, one result per finding that did not pass. Written with <see cref="Utf8JsonWriter"/> rather than a
/// SARIF library (none builds on this project's package feed), which also keeps the bytes deterministic.
/// </summary>
/// <remarks>
/// Passing findings are left out: GitHub turns every result into an alert whatever its <c>kind</c>, so a
/// <c>kind: "pass"</c> result would open an alert for a chain that holds; and a run without a result closes the
/// alerts of earlier runs. The rules still list every control that was judged.
/// GitHub's limits: a run of more than 25,000 results is rejected (<see cref="MaxResults"/>); 10 MB gzip-compressed
/// per upload, far above 25,000 results of this size; 20 tags per rule (see <see cref="SarifRules"/>); 1,000
/// locations per result, where a chain has at most six.
/// </remarks>
public sealed class SarifReportWriter(ReportContext context) : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>GitHub rejects a run with more results than this; beyond it the least severe are left out, and the run says so.</summary>
    public const int MaxResults = 25_000;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,

        // JSON escaping only (quotes, backslashes, control characters), as the json format does: consumers parse the
        // file, none renders its bytes as HTML, and the help's Markdown stays readable (` rather than \u0060).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly int maxResults = MaxResults;

    /// <summary>A writer with a lower result limit, so the limit's handling can be tested on a small run.</summary>
    internal SarifReportWriter(ReportContext context, int maxResults)
        : this(context) => this.maxResults = maxResults;

    public string Format => "sarif";

    public void Write(RunResult result, TextWriter output)
    {
        var rules = SarifRules.For(result.Findings);
        var open = result.Findings.Where(finding => finding.Outcome != Outcome.Pass).ToList();
        var reported = Within(open, rules);

        JsonText.Write(output, Options, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteStartObject("automationDetails");
            json.WriteString("id", Category(context.Source));
            json.WriteEndObject();
            WriteSourceRoot(json);
            WriteInvocation(json, result.Summary.ExpiredExceptions, rules, open.Count - reported.Count);
            json.WriteStartArray("results");
            foreach (var finding in reported)
            {
                var index = IndexOf(rules, finding.ControlId);
                SarifResults.Write(json, finding, index, rules[index], context);
            }

            json.WriteEndArray();
            WriteSummary(json, result.Summary);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>tocsin/live/</c>, <c>tocsin/snapshot/</c> or <c>tocsin/iac/</c>: GitHub takes what precedes the last slash
    /// as the analysis category, so an upload replaces the alerts of the same source and leaves the others.
    /// </summary>
    internal static string Category(ReportSource source) => source switch
    {
        ReportSource.Snapshot => "tocsin/snapshot/",
        ReportSource.InfrastructureCode => "tocsin/iac/",
        _ => "tocsin/live/",
    };

    /// <summary>The open findings in report order, or, past the limit, the most severe of them (open before suppressed).</summary>
    private List<Finding> Within(List<Finding> open, IReadOnlyList<SarifRule> rules)
    {
        if (open.Count <= maxResults)
        {
            return open;
        }

        return
        [
            .. open
                .Select((finding, order) => (finding, order))
                .OrderByDescending(entry => Weight(entry.finding, rules[IndexOf(rules, entry.finding.ControlId)]))
                .ThenBy(entry => entry.order)
                .Take(maxResults)
                .OrderBy(entry => entry.order)
                .Select(entry => entry.finding),
        ];
    }

    private static int Weight(Finding finding, SarifRule rule) =>
        (finding.Suppressed ? 0 : 100) + (finding.Outcome == Outcome.Fail ? 10 : 0) + (int)(rule.Control?.Severity ?? 0);

    private static int IndexOf(IReadOnlyList<SarifRule> rules, string controlId)
    {
        for (var index = 0; index < rules.Count; index++)
        {
            if (rules[index].Id == controlId)
            {
                return index;
            }
        }

        throw new InvalidOperationException($"no rule for control {controlId}");
    }

    private void WriteTool(Utf8JsonWriter json, IReadOnlyList<SarifRule> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", context.ToolVersion);
        json.WriteString("semanticVersion", context.ToolVersion);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            SarifRules.Write(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Relative file paths (infrastructure code, exceptions files) are relative to the folder tocsin ran in; its
    /// absolute path is left out, so a report does not depend on the machine that wrote it.
    /// </summary>
    private static void WriteSourceRoot(Utf8JsonWriter json)
    {
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SarifLocations.SourceRoot);
        json.WriteStartObject("description");
        json.WriteString("text", "The folder tocsin ran in, usually the repository's root: file paths are relative to it.");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteInvocation(Utf8JsonWriter json, IReadOnlyList<ExceptionEntry> expired, IReadOnlyList<SarifRule> rules, int leftOut)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteString("endTimeUtc", context.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
        if (expired.Count > 0 || leftOut > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var entry in expired)
            {
                WriteExpired(json, entry, rules);
            }

            if (leftOut > 0)
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                json.WriteStartObject("message");
                json.WriteString(
                    "text",
                    $"{leftOut} less severe results were left out: GitHub code scanning rejects a run of more than {maxResults} results. The json format has every finding.");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteExpired(Utf8JsonWriter json, ExceptionEntry entry, IReadOnlyList<SarifRule> rules)
    {
        json.WriteStartObject();
        json.WriteString("level", "warning");
        json.WriteStartObject("message");
        json.WriteString(
            "text",
            SarifText.Plain(
                $"Expired exception {entry.File}:{entry.Line}: {entry.Control} for {string.Join(", ", entry.Accounts)}, "
                + $"owner {entry.Owner}, expired {entry.Expires:yyyy-MM-dd}; it suppresses nothing."));
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        SarifLocations.WritePhysical(json, entry.File, entry.Line, entry.Line);
        json.WriteEndObject();
        json.WriteEndArray();
        var index = rules.Select(rule => rule.Id).ToList().IndexOf(entry.Control);
        if (index >= 0)
        {
            json.WriteStartObject("associatedRule");
            json.WriteString("id", entry.Control);
            json.WriteNumber("index", index);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The run's totals, passes included, since passing findings have no result of their own.</summary>
    private static void WriteSummary(Utf8JsonWriter json, RunSummary summary)
    {
        json.WriteStartObject("properties");
        json.WriteStartObject("summary");
        json.WriteCounts(summary);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
