using System.Text;
using System.Text.Json;
using Tocsin.Core.Controls;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Sarif;

/// <summary>A rule of the run: a control id and its catalog entry (null for an id the catalog does not know).</summary>
internal sealed record SarifRule(string Id, Control? Control);

/// <summary>
/// One <c>reportingDescriptor</c> per control that appears in the findings, sorted by id, so <c>ruleIndex</c> is
/// stable for the same set of controls. GitHub shows the short and full description at the top of an alert and the
/// help beside it; it filters on the tags and ranks by <c>security-severity</c> and <c>precision</c>.
/// </summary>
internal static class SarifRules
{
    // GitHub rejects a rule with more than 20 tags and shows the first 10; its descriptions stop at 1,024 characters.
    private const int MaxTags = 20;
    private const int MaxDescription = 1024;

    private const string ChainNeeds =
        "A multi-region CloudTrail trail that is logging management events to a CloudWatch Logs log group; "
        + "a metric filter on that group whose pattern catches every event of this control; "
        + "a CloudWatch alarm on the filter's metric, with actions enabled; "
        + "an SNS topic the alarm notifies, whose policy and KMS key let CloudWatch publish; "
        + "and at least one confirmed subscription to that topic.";

    public static IReadOnlyList<SarifRule> For(IEnumerable<Finding> findings) =>
    [
        .. findings
            .Select(finding => finding.ControlId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => new SarifRule(id, ControlCatalog.Default.Find(id) is { } control && control.Id == id ? control : null)),
    ];

    public static void Write(Utf8JsonWriter json, SarifRule rule)
    {
        var control = rule.Control;
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalCase(rule.Id));
        WriteText(json, "shortDescription", Limit(control?.Title ?? rule.Id));
        WriteText(json, "fullDescription", Limit(control?.Rationale ?? $"Control {rule.Id}, which this version's catalog does not describe."));
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", control is null ? "warning" : SarifSeverity.Level(control.Severity));
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", control is null ? $"Control {rule.Id}: run tocsin remediate --controls {rule.Id}." : HelpText(control));
        if (control is not null)
        {
            json.WriteString("markdown", HelpMarkdown(control));
        }

        json.WriteEndObject();
        if (control?.References.FirstOrDefault(reference => reference.Url is not null)?.Url is { } url)
        {
            json.WriteString("helpUri", url);
        }

        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        foreach (var tag in Tags(control))
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteString("precision", "very-high");
        if (control is not null)
        {
            json.WriteString("problem.severity", SarifSeverity.Problem(control.Severity));
            json.WriteString("security-severity", SarifSeverity.Score(control.Severity));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// <c>security</c> (GitHub treats a rule as a security rule by it), then the Security Hub ids, then the CIS
    /// numbers newest first, so the ten tags GitHub shows are the ones people search for.
    /// </summary>
    public static IEnumerable<string> Tags(Control? control)
    {
        var aliases = control?.Aliases ?? [];
        var cis = aliases.Where(alias => alias.StartsWith("cis-", StringComparison.Ordinal)).Reverse();
        var others = aliases.Where(alias => !alias.StartsWith("cis-", StringComparison.Ordinal));
        return new[] { "security" }.Concat(others).Concat(cis).Take(MaxTags);
    }

    /// <summary><c>console-signin-without-mfa</c> → <c>ConsoleSigninWithoutMfa</c>.</summary>
    public static string PascalCase(string id) =>
        string.Concat(id.Split('-', '_', ' ', ':', '.').Where(word => word.Length > 0).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static string HelpText(Control control)
    {
        var remedy = control.Remediation;
        var text = new StringBuilder()
            .Append(control.Title).Append("\n\n")
            .Append(control.Rationale).Append("\n\n")
            .Append("What the chain needs:\n").Append(ChainNeeds).Append("\n\n")
            .Append("Fix: run tocsin remediate --controls ").Append(control.Id).Append("; it creates the missing links with these defaults:\n")
            .Append("  metric filter: ").Append(remedy.FilterName).Append('\n')
            .Append("  filter pattern: ").Append(remedy.Pattern).Append('\n')
            .Append("  metric: ").Append(remedy.MetricNamespace).Append('/').Append(remedy.MetricName).Append('\n')
            .Append("  alarm: ").Append(remedy.AlarmName).Append('\n');
        if (control.Aliases.Count > 0)
        {
            text.Append("\nAlso known as: ").Append(string.Join(", ", control.Aliases)).Append('\n');
        }

        if (control.References.Count > 0)
        {
            text.Append("\nReferences:\n");
            foreach (var reference in control.References)
            {
                text.Append("  - ").Append(reference.Title);
                if (reference.Url is { } url)
                {
                    text.Append(": ").Append(url);
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string HelpMarkdown(Control control)
    {
        var remedy = control.Remediation;
        var text = new StringBuilder()
            .Append("## ").Append(control.Title).Append("\n\n")
            .Append(control.Rationale).Append("\n\n")
            .Append("### What the chain needs\n\n").Append(ChainNeeds).Append("\n\n")
            .Append("### Fix\n\n")
            .Append("Run `tocsin remediate --controls ").Append(control.Id).Append("`. It creates the missing links with these defaults:\n\n")
            .Append("- metric filter `").Append(remedy.FilterName).Append("` with the pattern\n\n")
            .Append(Fenced(remedy.Pattern)).Append('\n')
            .Append("- metric `").Append(remedy.MetricNamespace).Append('/').Append(remedy.MetricName).Append("`\n")
            .Append("- alarm `").Append(remedy.AlarmName).Append("`\n");
        if (control.Aliases.Count > 0)
        {
            text.Append("\nAlso known as: ").Append(string.Join(", ", control.Aliases.Select(alias => $"`{alias}`"))).Append('\n');
        }

        if (control.References.Count > 0)
        {
            text.Append("\n### References\n\n");
            foreach (var reference in control.References)
            {
                var title = reference.Title.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
                text.Append(reference.Url is { } url ? $"- [{title}]({url})\n" : $"- {title}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A fenced block whose fence is longer than any run of backticks in the text, so the text cannot close it.</summary>
    private static string Fenced(string code)
    {
        var longest = 0;
        var run = 0;
        foreach (var character in code)
        {
            run = character == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"  {fence}\n  {code}\n  {fence}\n";
    }

    private static string Limit(string text) => text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
