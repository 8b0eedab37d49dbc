using System.Text;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Sarif;

/// <summary>
/// A result's <c>message.text</c>: the finding in words first (GitHub shows the first sentence as the alert's title),
/// then the link at fault, what else applies, and last the command that fixes it, so it can be copied whole.
/// </summary>
internal static class SarifMessage
{
    public static string Text(Finding finding, SarifPlace place, ReportContext context, Remedy? remedy)
    {
        var text = new StringBuilder();
        var fail = finding.Outcome == Outcome.Fail;
        if (fail)
        {
            text.Sentence(SarifText.Plain(finding.Message));
        }
        else
        {
            var reasons = finding.Reasons.Count == 0 ? "" : $" ({string.Join(", ", finding.Reasons.Select(reason => reason.ToCode()))})";
            text.Sentence($"Could not be decided: {SarifText.Plain(finding.Message)}{reasons}");
        }

        if (place.Stop is { } stop)
        {
            var resource = stop.Resource is { } arn ? " " + SarifText.Plain(arn) : "";
            text.Sentence(fail ? $"Broken link: the {stop.Name}{resource}" : $"Not seen: the {stop.Name}{resource}");
        }

        if (finding.InheritedFrom is { } owner)
        {
            text.Sentence($"The chain is the organization trail of account {SarifText.Plain(owner)}");
        }

        if (finding.SuppressedBy is { } exception)
        {
            text.Sentence(
                $"Suppressed by the exception at {SarifText.Plain(exception.File)}:{exception.Line} "
                + $"(owner {SarifText.Plain(exception.Owner)}, until {exception.Expires:yyyy-MM-dd}): {SarifText.Plain(exception.Reason)}");
        }

        if (place.Related.Count > 0)
        {
            text.Sentence("Other links: " + string.Join(", ", place.Related.Select(link => $"[{link.Link?.Name ?? "link"}]({link.Id})")));
        }

        if (remedy is not null && remedy.Steps.Count > 0)
        {
            text.Sentence("Steps: " + string.Join(" ", remedy.Steps.Select((step, index) => $"{index + 1}. {SarifText.Plain(step)}")));
        }

        if (fail && !finding.Suppressed && place.Primary is { } file)
        {
            text.Sentence($"To fix, edit {SarifText.Plain(file.File)}{Lines(file)}");
        }

        if (context.FixCommand(finding) is { } command)
        {
            text.Append(" To fix, run: ").Append(SarifText.Plain(command));
        }

        return text.ToString();
    }

    private static string Lines(Location file) => file switch
    {
        { StartLine: { } start, EndLine: { } end } when end > start => $", lines {start}-{end}",
        { StartLine: { } start } => $", line {start}",
        _ => "",
    };
}
