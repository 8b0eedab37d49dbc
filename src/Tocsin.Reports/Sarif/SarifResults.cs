using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Reports.Sarif;

/// <summary>One <c>result</c> per finding that did not pass.</summary>
internal static class SarifResults
{
    /// <summary>The key of <c>partialFingerprints</c> that names Tocsin's own identity of a finding.</summary>
    public const string FindingHash = "tocsinFindingHash/v1";

    public static void Write(Utf8JsonWriter json, Finding finding, int ruleIndex, SarifRule rule, ReportContext context)
    {
        var links = ChainLinks.Of(finding);
        var place = SarifPlace.Of(finding, links);
        var fail = finding.Outcome == Outcome.Fail;
        var remedy = fail && !finding.Suppressed ? context.Remedies?.Invoke(finding) : null;

        json.WriteStartObject();
        json.WriteString("ruleId", finding.ControlId);
        json.WriteNumber("ruleIndex", ruleIndex);

        // SARIF §3.27.10: a result whose kind is not "fail" SHALL have the level "none". A finding that could not be
        // decided is a "review": someone has to look (the message says why), but it is not a broken chain.
        json.WriteString("kind", fail ? "fail" : "review");
        json.WriteString("level", !fail ? "none" : rule.Control is { } control ? SarifSeverity.Level(control.Severity) : "warning");
        json.WriteStartObject("message");
        json.WriteString("text", SarifMessage.Text(finding, place, context, remedy));
        json.WriteEndObject();

        SarifLocations.WritePrimary(json, finding, place);
        SarifLocations.WriteRelated(json, place.Related);
        WriteFingerprints(json, Hash(finding, place));
        if (finding.SuppressedBy is { } exception)
        {
            WriteSuppression(json, exception);
        }

        WriteProperties(json, finding, links, remedy);
        json.WriteEndObject();
    }

    /// <summary>
    /// Hex SHA-256 of control, account and region, and for code the primary file: the same finding keeps its
    /// alert from run to run, whatever the time, message wording or line numbers.
    /// </summary>
    public static string Hash(Finding finding, SarifPlace place)
    {
        var key = $"{finding.ControlId}|{finding.AccountId}|{finding.Region}";
        if (place.Primary is { } file)
        {
            key += "|" + SarifLocations.FileUri(file.File).Uri;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>
    /// GitHub matches alerts across runs by <c>primaryLocationLineHash</c> alone, and upload-sarif computes one from
    /// the file's text only when it is missing, which it cannot do for an account's stand-in path. So the same
    /// stable hash is given in GitHub's key too (16 hex digits and the occurrence, as GitHub writes it): an alert
    /// follows the finding, not a line's text.
    /// </summary>
    private static void WriteFingerprints(Utf8JsonWriter json, string hash)
    {
        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", hash[..16] + ":1");
        json.WriteString(FindingHash, hash);
        json.WriteEndObject();
    }

    private static void WriteSuppression(Utf8JsonWriter json, ExceptionEntry exception)
    {
        json.WriteStartArray("suppressions");
        json.WriteStartObject();
        json.WriteString("kind", "external");
        json.WriteString("status", "accepted");
        json.WriteString("justification", exception.Reason);
        json.WriteStartObject("location");
        SarifLocations.WritePhysical(json, exception.File, exception.Line, exception.Line);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("owner", exception.Owner);
        json.WriteString("expires", exception.Expires.ToString("yyyy-MM-dd"));
        json.WriteString("source", $"{exception.File}:{exception.Line}");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>What Tocsin knows beyond SARIF's fields, for scripts: outcome, reasons, verdicts, the chain link by link.</summary>
    private static void WriteProperties(Utf8JsonWriter json, Finding finding, IReadOnlyList<ChainLink> links, Remedy? remedy)
    {
        json.WriteStartObject("properties");
        json.WriteString("accountId", finding.AccountId);
        json.WriteStringIfAny("region", finding.Region);
        json.WriteString("outcome", finding.Outcome.ToCode());
        json.WriteStartArray("reasons");
        foreach (var reason in finding.Reasons)
        {
            json.WriteStringValue(reason.ToCode());
        }

        json.WriteEndArray();
        json.WriteStringIfAny("verdict", finding.Verdict?.ToName());
        json.WriteStringIfAny("literalVerdict", finding.LiteralVerdict?.ToCode());
        json.WriteStringIfAny("inheritedFrom", finding.InheritedFrom);
        json.WriteStartArray("chain");
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString("link", link.Name);
            json.WriteString("state", link.StateCode);
            json.WriteStringIfAny("resource", link.Resource);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (finding.Evidence.Candidates.Count > 0)
        {
            json.WriteStrings("candidates", finding.Evidence.Candidates);
        }

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

        if (remedy is not null)
        {
            json.WriteStartObject("remedy");
            json.WriteStrings("steps", remedy.Steps);
            json.WriteString("commands", remedy.Commands);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
