using System.Globalization;
using System.Text.Json;
using Tocsin.Core.Controls;
using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Reports.Asff;

/// <summary>
/// The findings in the AWS Security Finding Format, as the request of <c>aws securityhub batch-import-findings
/// --cli-input-json file://…</c>: <c>{"Findings": [...]}</c>, one finding per account and control (passes too), in
/// report order. Each names the custom-integration product of its own account and region, which is the account and
/// region that must import it; a request takes at most 100 findings.
/// </summary>
public sealed class AsffReportWriter(ReportContext context) : IReportWriter
{
    public const string SchemaVersion = "2018-10-08";

    /// <summary>The product region of a finding without a region (an account that could not be read).</summary>
    public const string DefaultRegion = "us-east-1";

    public const string FindingType = "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark";

    // Documented limits of AwsSecurityFinding members.
    private const int TitleLimit = 256;
    private const int DescriptionLimit = 1024;
    private const int RecommendationLimit = 512;
    private const int NoteLimit = 512;
    private const int ProductFieldLimit = 2048;

    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public string Format => "asff";

    /// <summary>The finding's <c>Id</c>: the same account, region and control give the same Id in every run, so a new import updates it.</summary>
    public static string IdOf(Finding finding) => $"tocsin/{finding.AccountId}/{finding.Region ?? "global"}/{finding.ControlId}";

    /// <summary>The custom-integration product ARN Security Hub gives every account: findings are imported by that account, in that region.</summary>
    public static string ProductArnOf(Finding finding)
    {
        var region = finding.Region ?? DefaultRegion;
        return $"arn:{PartitionOf(region)}:securityhub:{region}:{finding.AccountId}:product/{finding.AccountId}/default";
    }

    public void Write(RunResult result, TextWriter output)
    {
        JsonText.Write(output, Options, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("Findings");
            foreach (var finding in result.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        var control = ControlCatalog.Default.Find(finding.ControlId);
        var now = Timestamp(context.GeneratedAt);
        var severity = SeverityOf(finding, control);

        json.WriteStartObject();
        json.WriteString("SchemaVersion", SchemaVersion);
        json.WriteString("Id", IdOf(finding));
        json.WriteString("ProductArn", ProductArnOf(finding));
        json.WriteString("ProductName", ToolInfo.Name);
        json.WriteString("CompanyName", ToolInfo.Name);
        json.WriteString("GeneratorId", $"tocsin/{finding.ControlId}");
        json.WriteString("AwsAccountId", finding.AccountId);
        json.WriteStrings("Types", [FindingType]);
        json.WriteString("CreatedAt", now);
        json.WriteString("UpdatedAt", now);
        json.WriteStartObject("Severity");
        json.WriteString("Label", severity);
        if (control is not null)
        {
            json.WriteString("Original", control.Severity.ToString().ToUpperInvariant());
        }

        json.WriteEndObject();
        json.WriteString("Title", TextLimit.Fit(control?.Title ?? finding.ControlId, TitleLimit));
        json.WriteString("Description", TextLimit.Fit(DescriptionOf(finding, control), DescriptionLimit));
        WriteRemediation(json, finding, control);
        WriteProductFields(json, finding, control);
        WriteResources(json, finding);
        WriteCompliance(json, finding, control);
        json.WriteStartObject("Workflow");
        json.WriteString("Status", finding.Suppressed ? "SUPPRESSED" : finding.Outcome == Outcome.Pass ? "RESOLVED" : "NEW");
        json.WriteEndObject();
        json.WriteString("RecordState", "ACTIVE");
        if (finding.SuppressedBy is { } exception)
        {
            json.WriteStartObject("Note");
            json.WriteString("Text", TextLimit.Fit(
                $"Suppressed by the exception at {exception.File}:{exception.Line} until {exception.Expires:yyyy-MM-dd}, owner {exception.Owner}: {exception.Reason}",
                NoteLimit));
            json.WriteString("UpdatedBy", exception.Owner);
            json.WriteString("UpdatedAt", now);
            json.WriteEndObject();
        }

        json.WriteStartObject("FindingProviderFields");
        json.WriteStartObject("Severity");
        json.WriteString("Label", severity);
        json.WriteEndObject();
        json.WriteStrings("Types", [FindingType]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string DescriptionOf(Finding finding, Control? control)
    {
        var outcome = finding.Outcome switch
        {
            Outcome.Pass => "Passes",
            Outcome.Fail => "Fails",
            _ => "Could not be decided",
        };
        var text = $"{outcome}: {finding.Message}.";
        if (finding.InheritedFrom is { } owner)
        {
            text += $" The chain is the organization trail of {owner}.";
        }

        return control is null ? text : $"{text} {control.Rationale}";
    }

    private void WriteRemediation(Utf8JsonWriter json, Finding finding, Control? control)
    {
        var text = FixText.For(finding, context);
        var url = control?.References.FirstOrDefault(reference => reference.Url is not null)?.Url;
        if (text is null && url is null)
        {
            return;
        }

        json.WriteStartObject("Remediation");
        json.WriteStartObject("Recommendation");
        if (text is not null)
        {
            json.WriteString("Text", TextLimit.Fit(text, RecommendationLimit));
        }

        if (url is not null)
        {
            json.WriteString("Url", url);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteProductFields(Utf8JsonWriter json, Finding finding, Control? control)
    {
        var stop = AwsResource.Of(finding).FirstOrDefault(resource => resource.IsStop);
        var link = ChainLinks.Of(finding).FirstOrDefault(chainLink => chainLink.State is LinkState.Broken or LinkState.Unseen);
        var fields = new List<(string Key, string? Value)>
        {
            ("tocsin/Outcome", finding.Outcome.ToCode()),
            ("tocsin/Reasons", string.Join(",", finding.Reasons.Select(reason => reason.ToCode()))),
            ("tocsin/BrokenLink", link is null ? null : $"{link.Name} ({link.StateCode})"),
            ("tocsin/BrokenResource", stop?.Id),
            ("tocsin/Verdict", finding.Verdict?.ToName()),
            ("tocsin/LiteralVerdict", finding.LiteralVerdict?.ToCode()),
            ("tocsin/Pattern", finding.Pattern?.Text),
            ("tocsin/PatternVariant", finding.Pattern?.Variant),
            ("tocsin/PatternMissed", finding.Pattern is { } missed ? string.Join(",", missed.Missed) : null),
            ("tocsin/PatternExtra", finding.Pattern is { } extra ? string.Join(",", extra.Extra) : null),
            ("tocsin/InheritedFrom", finding.InheritedFrom),
            ("tocsin/SecurityHubControl", control is null ? null : string.Join(",", FrameworkRequirement.Of(control).Where(r => r.IsSecurityHubControl).Select(r => r.Number))),
            ("tocsin/Exception", finding.SuppressedBy is { } entry ? $"{entry.File}:{entry.Line}" : null),
            ("tocsin/Locations", finding.Locations is { } locations ? string.Join("; ", locations.Select(l => $"{l.File}:{l.StartLine}-{l.EndLine}")) : null),
            ("tocsin/Source", SourceName(context.Source)),
            ("tocsin/Version", context.ToolVersion),
        };

        json.WriteStartObject("ProductFields");
        foreach (var (key, value) in fields)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                json.WriteString(key, TextLimit.Fit(value, ProductFieldLimit));
            }
        }

        json.WriteEndObject();
    }

    private static void WriteResources(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartArray("Resources");
        foreach (var resource in AwsResource.Of(finding))
        {
            json.WriteStartObject();
            json.WriteString("Type", resource.AsffType);
            json.WriteString("Id", resource.Id);
            json.WriteString("Partition", resource.Partition ?? PartitionOf(finding.Region ?? DefaultRegion));
            json.WriteString("Region", resource.Region ?? finding.Region ?? DefaultRegion);
            json.WriteStartObject("Details");
            json.WriteStartObject("Other");
            json.WriteString("tocsin/Link", resource.LinkName);
            if (resource.StateCode is { } state)
            {
                json.WriteString("tocsin/State", state);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCompliance(Utf8JsonWriter json, Finding finding, Control? control)
    {
        json.WriteStartObject("Compliance");
        json.WriteString("Status", finding.Outcome switch
        {
            Outcome.Pass => "PASSED",
            Outcome.Fail => "FAILED",
            _ => "NOT_AVAILABLE",
        });
        if (control is not null)
        {
            json.WriteStrings("RelatedRequirements", FrameworkRequirement.Of(control).Where(r => !r.IsSecurityHubControl).Select(r => r.Text));
        }

        if (finding.Reasons.Count > 0)
        {
            json.WriteStartArray("StatusReasons");
            for (var i = 0; i < finding.Reasons.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("ReasonCode", finding.Reasons[i].ToCode());
                if (i == 0)
                {
                    json.WriteString("Description", finding.Message);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static string SeverityOf(Finding finding, Control? control) =>
        finding.Outcome == Outcome.Pass || control is null ? "INFORMATIONAL" : control.Severity.ToString().ToUpperInvariant();

    private static string SourceName(ReportSource source) => source switch
    {
        ReportSource.Live => "live",
        ReportSource.Snapshot => "snapshot",
        _ => "infrastructure-code",
    };

    private static string PartitionOf(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    private static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
