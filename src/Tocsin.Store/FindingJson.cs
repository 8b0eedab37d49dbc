using System.Text.Json;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Store;

/// <summary>
/// A finding as one JSON document in the store, every field kept, so that a stored run renders in every report format
/// as it did when it was scanned. Enumerations are spelt as the reports spell them.
/// </summary>
internal static class FindingJson
{
    public static string Write(Finding finding)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("controlId", finding.ControlId);
            json.WriteString("accountId", finding.AccountId);
            json.WriteStringIfAny("region", finding.Region);
            json.WriteString("outcome", finding.Outcome.ToCode());
            json.WriteStrings("reasons", finding.Reasons.Select(r => r.ToCode()));
            json.WriteString("message", finding.Message);
            json.WriteStrings("chain", finding.Evidence.Chain);
            json.WriteStrings("candidates", finding.Evidence.Candidates);
            json.WriteStringIfAny("verdict", finding.Verdict?.ToString());
            if (finding.Pattern is { } pattern)
            {
                json.WriteStartObject("pattern");
                json.WriteString("text", pattern.Text);
                json.WriteStringIfAny("variant", pattern.Variant);
                json.WriteStrings("missed", pattern.Missed);
                json.WriteStrings("extra", pattern.Extra);
                json.WriteString("explanation", pattern.Explanation);
                json.WriteEndObject();
            }

            json.WriteStringIfAny("literalVerdict", finding.LiteralVerdict?.ToCode());
            if (finding.SuppressedBy is { } exception)
            {
                json.WritePropertyName("suppressedBy");
                WriteException(json, exception);
            }

            json.WriteStringIfAny("inheritedFrom", finding.InheritedFrom);
            json.WriteString("alertChain", finding.Chain.ToCode());
            if (finding.OtherChain is { } other)
            {
                json.WriteStartObject("otherChain");
                json.WriteString("chain", other.Chain.ToCode());
                json.WriteString("outcome", other.Outcome.ToCode());
                json.WriteStrings("reasons", other.Reasons.Select(r => r.ToCode()));
                json.WriteString("message", other.Message);
                json.WriteStrings("evidence", other.Evidence);
                json.WriteEndObject();
            }

            if (finding.Locations is { } locations)
            {
                json.WriteStartArray("locations");
                foreach (var location in locations)
                {
                    json.WriteStartObject();
                    json.WriteString("link", location.Link);
                    json.WriteString("file", location.File);
                    json.WriteNumberIfAny("startLine", location.StartLine);
                    json.WriteNumberIfAny("endLine", location.EndLine);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static Finding Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var reasons = ReasonsOf(root);
        return new Finding(
            root.GetProperty("controlId").GetString()!,
            root.GetProperty("accountId").GetString()!,
            OptionalOf(root, "region"),
            OutcomeOf(root.GetProperty("outcome").GetString()!),
            reasons,
            root.GetProperty("message").GetString()!,
            new Evidence(StringsOf(root, "chain"), StringsOf(root, "candidates")))
        {
            Verdict = OptionalOf(root, "verdict") is { } verdict ? Enum.Parse<VerdictKind>(verdict) : null,
            Pattern = root.TryGetProperty("pattern", out var pattern)
                ? new JudgedPattern(pattern.GetProperty("text").GetString()!, OptionalOf(pattern, "variant"), StringsOf(pattern, "missed"), StringsOf(pattern, "extra"), pattern.GetProperty("explanation").GetString()!)
                : null,
            LiteralVerdict = OptionalOf(root, "literalVerdict") switch
            {
                "match" => LiteralVerdict.Match,
                "no-match" => LiteralVerdict.NoMatch,
                _ => null,
            },
            SuppressedBy = root.TryGetProperty("suppressedBy", out var exception) ? ReadException(exception) : null,
            InheritedFrom = OptionalOf(root, "inheritedFrom"),

            // runs stored before the chain was kept judged the CIS chain only
            Chain = OptionalOf(root, "alertChain") is { } chain ? ChainOf(chain) : AlertChain.MetricFilter,
            OtherChain = root.TryGetProperty("otherChain", out var other)
                ? new ChainState(ChainOf(other.GetProperty("chain").GetString()!), OutcomeOf(other.GetProperty("outcome").GetString()!), ReasonsOf(other), other.GetProperty("message").GetString()!, StringsOf(other, "evidence"))
                : null,
            Locations = root.TryGetProperty("locations", out var locations)
                ? [.. locations.EnumerateArray().Select(l => new Location(l.GetProperty("link").GetString()!, l.GetProperty("file").GetString()!, NumberOf(l, "startLine"), NumberOf(l, "endLine")))]
                : null,
        };
    }

    public static void WriteException(Utf8JsonWriter json, ExceptionEntry exception)
    {
        json.WriteStartObject();
        json.WriteString("control", exception.Control);
        json.WriteStrings("accounts", exception.Accounts);
        json.WriteStringIfAny("region", exception.Region);
        json.WriteStringIfAny("resource", exception.Resource);
        json.WriteString("owner", exception.Owner);
        json.WriteString("reason", exception.Reason);
        json.WriteString("expires", exception.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("file", exception.File);
        json.WriteNumber("line", exception.Line);
        json.WriteEndObject();
    }

    public static ExceptionEntry ReadException(JsonElement exception) => new(
        exception.GetProperty("control").GetString()!,
        StringsOf(exception, "accounts"),
        OptionalOf(exception, "region"),
        OptionalOf(exception, "resource"),
        exception.GetProperty("owner").GetString()!,
        exception.GetProperty("reason").GetString()!,
        DateOnly.ParseExact(exception.GetProperty("expires").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        exception.GetProperty("file").GetString()!,
        exception.GetProperty("line").GetInt32());

    public static Outcome OutcomeOf(string code) => code switch
    {
        "pass" => Outcome.Pass,
        "fail" => Outcome.Fail,
        "error" => Outcome.Error,
        _ => throw new StoreException($"the store holds an outcome this version of Tocsin does not know: {code}"),
    };

    private static AlertChain ChainOf(string code) => code switch
    {
        "metric-filter" => AlertChain.MetricFilter,
        "eventbridge" => AlertChain.EventBridge,
        _ => throw new StoreException($"the store holds an alert chain this version of Tocsin does not know: {code}"),
    };

    private static List<ReasonCode> ReasonsOf(JsonElement element) =>
        [.. StringsOf(element, "reasons").Select(code => ReasonCodes.TryParse(code, out var reason)
            ? reason
            : throw new StoreException($"the store holds a reason code this version of Tocsin does not know: {code}"))];

    private static List<string> StringsOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? [.. array.EnumerateArray().Select(v => v.GetString()!)] : [];

    private static string? OptionalOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? NumberOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
