using System.Text;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Html;

/// <summary>
/// The ids the page's links jump to: one per finding, from its account, control and region, and one per control.
/// Only lower-case letters, digits and hyphens, so an id is the same in every browser and never needs escaping in a
/// URL; two findings or controls whose names sanitise alike get a numbered suffix, in report order.
/// </summary>
internal sealed class HtmlAnchors
{
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    private readonly Dictionary<Finding, string> byFinding = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> byControl = new(StringComparer.Ordinal);

    public HtmlAnchors(IReadOnlyList<Finding> findings)
    {
        foreach (var account in findings.Select(finding => finding.AccountId).Distinct().Order(StringComparer.Ordinal))
        {
            taken.Add(OfAccount(account));
        }

        foreach (var control in findings.Select(finding => finding.ControlId).Distinct().Order(StringComparer.Ordinal))
        {
            byControl[control] = Unique("control-" + Sanitise(control));
        }

        foreach (var finding in findings)
        {
            byFinding[finding] = Unique("finding-" + Sanitise($"{finding.AccountId}-{finding.ControlId}-{finding.Region ?? "no-region"}"));
        }
    }

    public string Of(Finding finding) => byFinding[finding];

    public string OfControl(string controlId) => byControl[controlId];

    /// <summary>An account's id is twelve digits, so its anchor needs no suffix.</summary>
    public static string OfAccount(string accountId) => "account-" + Sanitise(accountId);

    private string Unique(string id)
    {
        var unique = id;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    private static string Sanitise(string value)
    {
        var id = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep)
            {
                id.Append(c);
            }
            else if (id.Length > 0 && id[^1] != '-')
            {
                id.Append('-');
            }
        }

        return id.ToString().TrimEnd('-');
    }
}
