using System.Text.Json;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Sarif;

/// <summary>Writes <c>location</c> objects: physical ones for files, and the stand-in for an AWS account.</summary>
internal static class SarifLocations
{
    /// <summary>The base the relative file paths of infrastructure code are resolved against: the folder tocsin ran in.</summary>
    public const string SourceRoot = "%SRCROOT%";

    public static void WritePrimary(Utf8JsonWriter json, Finding finding, SarifPlace place)
    {
        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (place.Primary is { } file)
        {
            WritePhysical(json, file.File, file.StartLine, file.EndLine);
            WriteMessage(json, LinkText(place.PrimaryLink, file.Link));
        }
        else
        {
            // GitHub rejects the whole upload when one result has no location, or a location without a physical
            // one ("locationFromSarifResult: expected at least one location" / "expected artifact location"). An
            // absolute URI such as aws://ACCOUNT/REGION is rejected too once a source root is given (upload-sarif
            // always gives one) because its scheme differs from file://. So a live finding points at a relative
            // stand-in path, aws/ACCOUNT/REGION, line 1: it is no file of the repository, GitHub still lists the
            // alert (as it does for container-image scanners), and the alerts group by account and region. The
            // logical location carries the real place: account, region and the ARN at fault.
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", AccountPath(finding));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", 1);
            json.WriteEndObject();
            json.WriteEndObject();
            WriteMessage(json, finding.Region is { } region
                ? $"AWS account {finding.AccountId}, region {region}; not a file of the repository"
                : $"AWS account {finding.AccountId}; not a file of the repository");
        }

        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        if (place.Resource is { } resource)
        {
            json.WriteString("name", resource);
        }

        json.WriteString("fullyQualifiedName", $"{finding.AccountId}/{finding.Region ?? "-"}/{finding.ControlId}");
        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("properties");
        json.WriteString("accountId", finding.AccountId);
        if (finding.Region is { } inRegion)
        {
            json.WriteString("region", inRegion);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    public static void WriteRelated(Utf8JsonWriter json, IReadOnlyList<RelatedLink> related)
    {
        if (related.Count == 0)
        {
            return;
        }

        json.WriteStartArray("relatedLocations");
        foreach (var link in related)
        {
            json.WriteStartObject();
            json.WriteNumber("id", link.Id);
            WritePhysical(json, link.Location.File, link.Location.StartLine, link.Location.EndLine);
            WriteMessage(json, LinkText(link.Link, link.Location.Link));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// A file and its lines. GitHub needs <c>startLine</c> ≥ 1: a link whose lines are unknown points at line 1.
    /// <c>startColumn</c> 1 and no <c>endColumn</c> make the region whole lines, through the end of <c>endLine</c>.
    /// </summary>
    public static void WritePhysical(Utf8JsonWriter json, string file, int? startLine, int? endLine)
    {
        var (uri, relative) = FileUri(file);
        var start = startLine is >= 1 ? startLine.Value : 1;
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", uri);
        if (relative)
        {
            json.WriteString("uriBaseId", SourceRoot);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", start);
        json.WriteNumber("startColumn", 1);
        if (startLine is >= 1 && endLine is { } end && end >= start)
        {
            json.WriteNumber("endLine", end);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A file path as a URI reference: forward slashes, each segment percent-encoded; relative paths stay relative
    /// (to <see cref="SourceRoot"/>), rooted ones become <c>file:///</c> URIs, which GitHub makes relative to the checkout.
    /// </summary>
    public static (string Uri, bool Relative) FileUri(string file)
    {
        var path = file.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        var drive = path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':';
        var segments = path.Split('/').Select((segment, index) => drive && index == 0 ? segment : Uri.EscapeDataString(segment));
        var encoded = string.Join('/', segments);
        return path.StartsWith('/') ? ("file://" + encoded, false)
            : drive ? ("file:///" + encoded, false)
            : (encoded, true);
    }

    /// <summary>The stand-in path of a finding without files: <c>aws/ACCOUNT/REGION</c>, or <c>aws/ACCOUNT</c> without a region.</summary>
    public static string AccountPath(Finding finding) =>
        finding.Region is { } region
            ? $"aws/{Uri.EscapeDataString(finding.AccountId)}/{Uri.EscapeDataString(region)}"
            : $"aws/{Uri.EscapeDataString(finding.AccountId)}";

    private static string LinkText(ChainLink? link, string resource) =>
        link is null ? resource : $"{link.Name} {resource} ({link.StateCode})";

    private static void WriteMessage(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject("message");
        json.WriteString("text", SarifText.Plain(text));
        json.WriteEndObject();
    }
}
