using System.Text.Json;
using Tocsin.Core.Controls;
using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;
using Tocsin.Reports.Asff;

namespace Tocsin.Reports.Ocsf;

/// <summary>
/// The findings as OCSF 1.8.0 Compliance Finding events (class 2003) with the cloud profile, for an Amazon Security
/// Lake custom source or any OCSF consumer: a JSON array with one event per account and control (passes too), in
/// report order. Tocsin's verdict, reasons and pattern, which OCSF has no attribute for, are under
/// <c>unmapped.tocsin</c>.
/// </summary>
public sealed class OcsfReportWriter(ReportContext context) : IReportWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public string Format => "ocsf";

    public void Write(RunResult result, TextWriter output)
    {
        JsonText.Write(output, Options, json =>
        {
            json.WriteStartArray();
            foreach (var finding in result.Findings)
            {
                WriteEvent(json, finding);
            }

            json.WriteEndArray();
        });
    }

    private void WriteEvent(Utf8JsonWriter json, Finding finding)
    {
        var control = ControlCatalog.Default.Find(finding.ControlId);
        var time = context.GeneratedAt.ToUnixTimeMilliseconds();
        var resources = AwsResource.Of(finding);

        json.WriteStartObject();
        json.WriteNumber("activity_id", OcsfCaptions.ActivityCreate);
        json.WriteString("activity_name", OcsfCaptions.ActivityName);
        json.WriteNumber("category_uid", OcsfCaptions.CategoryUid);
        json.WriteString("category_name", OcsfCaptions.CategoryName);
        json.WriteNumber("class_uid", OcsfCaptions.ClassUid);
        json.WriteString("class_name", OcsfCaptions.ClassName);
        json.WriteNumber("type_uid", OcsfCaptions.TypeUid);
        json.WriteString("type_name", OcsfCaptions.TypeName);
        json.WriteNumber("time", time);
        var (severityId, severity) = OcsfCaptions.Severity(finding, control);
        json.WriteNumber("severity_id", severityId);
        json.WriteString("severity", severity);
        var (statusId, status) = OcsfCaptions.Status(finding);
        json.WriteNumber("status_id", statusId);
        json.WriteString("status", status);
        json.WriteString("message", finding.Message);
        json.WriteString("status_detail", finding.Message);
        if (finding.SuppressedBy is { } exception)
        {
            json.WriteString(
                "comment",
                $"Suppressed by the exception at {exception.File}:{exception.Line} until {exception.Expires:yyyy-MM-dd}, owner {exception.Owner}: {exception.Reason}");
        }

        WriteMetadata(json);
        WriteCloud(json, finding);
        WriteFindingInfo(json, finding, control, time);
        WriteCompliance(json, finding, control);
        WriteResources(json, finding, resources);
        WriteObservables(json, resources);
        WriteRemediation(json, finding, control);
        WriteUnmapped(json, finding);
        json.WriteEndObject();
    }

    private void WriteMetadata(Utf8JsonWriter json)
    {
        json.WriteStartObject("metadata");
        json.WriteString("version", OcsfCaptions.SchemaVersion);
        json.WriteStartObject("product");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("vendor_name", ToolInfo.Name);
        json.WriteString("version", context.ToolVersion);
        json.WriteEndObject();
        json.WriteStartArray("profiles");
        json.WriteStringValue("cloud");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCloud(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject("cloud");
        json.WriteString("provider", "AWS");
        if (finding.Region is { } region)
        {
            json.WriteString("region", region);
        }

        json.WriteStartObject("account");
        json.WriteString("uid", finding.AccountId);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteFindingInfo(Utf8JsonWriter json, Finding finding, Control? control, long time)
    {
        json.WriteStartObject("finding_info");
        json.WriteString("uid", OcsfFindingUid.Of(finding));
        json.WriteString("uid_alt", AsffReportWriter.IdOf(finding));
        json.WriteString("title", control?.Title ?? finding.ControlId);
        if (control is not null)
        {
            json.WriteString("desc", control.Rationale);
        }

        json.WriteStrings("types", [AsffReportWriter.FindingType]);
        json.WriteStrings("data_sources", [context.Source switch
        {
            ReportSource.Live => "AWS API",
            ReportSource.Snapshot => "Tocsin snapshot",
            _ => "infrastructure code",
        }]);
        json.WriteNumber("created_time", time);
        json.WriteEndObject();
    }

    private static void WriteCompliance(Utf8JsonWriter json, Finding finding, Control? control)
    {
        json.WriteStartObject("compliance");
        json.WriteString("control", finding.ControlId);
        if (control is not null)
        {
            json.WriteString("desc", control.Title);
            var requirements = FrameworkRequirement.Of(control);
            json.WriteStrings("standards", requirements.Select(r => r.Standard).Distinct());
            json.WriteStrings("requirements", requirements.Select(r => r.Text));
        }

        var (statusId, status) = OcsfCaptions.Compliance(finding.Outcome);
        json.WriteNumber("status_id", statusId);
        json.WriteString("status", status);
        if (finding.Reasons.Count > 0)
        {
            json.WriteString("status_code", finding.Reasons[0].ToCode());
        }

        json.WriteStrings("status_details", [finding.Message]);
        json.WriteEndObject();
    }

    private static void WriteResources(Utf8JsonWriter json, Finding finding, IReadOnlyList<AwsResource> resources)
    {
        json.WriteStartArray("resources");
        foreach (var resource in resources)
        {
            json.WriteStartObject();
            json.WriteString("uid", resource.Id);
            if (resource.MetricFilterName is { } name)
            {
                json.WriteString("name", name);
            }

            json.WriteString("type", resource.CloudFormationType);
            var (roleId, role) = OcsfCaptions.Role(resource.IsStop);
            json.WriteNumber("role_id", roleId);
            json.WriteString("role", role);
            json.WriteString("provider", "AWS");
            if ((resource.Region ?? finding.Region) is { } region)
            {
                json.WriteString("region", region);
            }

            if (resource.Partition is { } partition)
            {
                json.WriteString("cloud_partition", partition);
            }

            json.WriteStartObject("data");
            json.WriteString("link", resource.LinkName);
            if (resource.StateCode is { } state)
            {
                json.WriteString("state", state);
            }

            if (finding.Locations?.FirstOrDefault(location => location.Link == resource.Id) is { } where)
            {
                json.WriteString("file", where.File);
                json.WriteNumberIfAny("start_line", where.StartLine);
                json.WriteNumberIfAny("end_line", where.EndLine);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteObservables(Utf8JsonWriter json, IReadOnlyList<AwsResource> resources)
    {
        var (typeId, type) = OcsfCaptions.ResourceUidObservable;
        json.WriteStartArray("observables");
        for (var i = 0; i < resources.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("name", $"resources[{i}].uid");
            json.WriteNumber("type_id", typeId);
            json.WriteString("type", type);
            json.WriteString("value", resources[i].Id);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void WriteRemediation(Utf8JsonWriter json, Finding finding, Control? control)
    {
        if (FixText.For(finding, context) is not { } text)
        {
            return;
        }

        json.WriteStartObject("remediation");
        json.WriteString("desc", text);
        if (control is not null)
        {
            json.WriteStrings("references", control.References.Where(r => r.Url is not null).Select(r => r.Url!));
        }

        json.WriteEndObject();
    }

    private static void WriteUnmapped(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject("unmapped");
        json.WriteStartObject("tocsin");
        json.WriteString("outcome", finding.Outcome.ToCode());
        json.WriteStrings("reasons", finding.Reasons.Select(reason => reason.ToCode()));
        json.WriteStringIfAny("verdict", finding.Verdict?.ToName());
        json.WriteStringIfAny("literal_verdict", finding.LiteralVerdict?.ToCode());
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

        json.WriteStringIfAny("inherited_from", finding.InheritedFrom);
        if (finding.Evidence.Candidates.Count > 0)
        {
            json.WriteStrings("candidates", finding.Evidence.Candidates);
        }

        if (finding.SuppressedBy is { } entry)
        {
            json.WriteStartObject("exception");
            json.WriteString("owner", entry.Owner);
            json.WriteString("reason", entry.Reason);
            json.WriteString("expires", entry.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("source", $"{entry.File}:{entry.Line}");
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
