using Tocsin.Core.Findings;

namespace Tocsin.Reports.Asff;

/// <summary>
/// How a person makes a finding pass, in words, for the formats that carry one remediation text (ASFF, OCSF): the
/// planned steps when the run planned them, the remediate command for a live or snapshot finding, the files to edit
/// for a finding on code. Null for a pass.
/// </summary>
public static class FixText
{
    public static string? For(Finding finding, ReportContext context)
    {
        if (finding.Outcome == Outcome.Pass)
        {
            return null;
        }

        if (finding.Outcome == Outcome.Error)
        {
            return $"Tocsin could not decide this control: {finding.Message}. Let the scan see the chain "
                + "(`tocsin permissions` prints the read-only policy it needs) and scan again.";
        }

        var parts = new List<string>();
        if (context.Remedies?.Invoke(finding) is { } remedy && remedy.Steps.Count > 0)
        {
            parts.Add(string.Join(" ", remedy.Steps.Select(step => step.TrimEnd('.') + ".")));
        }

        if (context.FixCommand(finding) is { } command)
        {
            parts.Add($"Run: {command}");
        }

        if (finding.Locations is { Count: > 0 } locations)
        {
            parts.Add("Edit " + string.Join(", ", locations.Select(Where)) + ".");
        }

        if (parts.Count == 0)
        {
            parts.Add($"Repair the chain: {finding.Message}.");
        }

        return string.Join(" ", parts);
    }

    private static string Where(Location location) => (location.StartLine, location.EndLine) switch
    {
        ({ } start, { } end) when end != start => $"{location.File} lines {start}-{end}",
        ({ } start, _) => $"{location.File} line {start}",
        _ => location.File,
    };
}
