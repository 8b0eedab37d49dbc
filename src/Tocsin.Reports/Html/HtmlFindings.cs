using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Reports.Html;

/// <summary>
/// Every finding, grouped by account and failing first: what it concluded and why, its chain, its pattern, the
/// exception that suppresses it, and for a failing one how to fix it.
/// </summary>
internal static class HtmlFindings
{
    public static void Write(HtmlBuilder html, ReportPage page) =>
        html.Block("section", [("id", "findings")], () =>
        {
            html.Line("h2", "Findings");
            if (page.Result.Findings.Count == 0)
            {
                html.Line("p", "No findings: no account and control was evaluated.");
                return;
            }

            foreach (var account in page.Accounts)
            {
                html.Line("h3", [("id", HtmlAnchors.OfAccount(account))], $"Account {account}");
                var findings = page.Result.Findings
                    .Where(finding => finding.AccountId == account)
                    .OrderBy(Standings.Of)
                    .ThenBy(finding => IndexOf(page.Controls, finding.ControlId))
                    .ThenBy(finding => finding.Region ?? "", StringComparer.Ordinal);
                foreach (var finding in findings)
                {
                    Finding(html, page, finding);
                }
            }
        });

    private static void Finding(HtmlBuilder html, ReportPage page, Finding finding)
    {
        var standing = Standings.Of(finding);
        html.Block("section", [("class", "finding " + standing.ClassName()), ("id", page.Anchors.Of(finding))], () =>
        {
            html.Line("h4", [], () =>
            {
                html.Inline("span", [("class", "badge " + standing.ClassName())], standing.Label());
                html.Text(" ");
                html.Inline("a", [("href", "#" + page.Anchors.OfControl(finding.ControlId))], ReportPage.TitleOf(finding.ControlId));
                html.Text(" ");
                html.Inline("span", [("class", "muted")], Placing(finding));
            });
            Facts(html, finding);
            html.Line("p", [("class", "message")], finding.Message);
            HtmlChain.Write(html, finding);
            HtmlChain.Pattern(html, finding);
            if (finding.SuppressedBy is { } entry)
            {
                Exception(html, entry);
            }

            if (finding.Outcome == Outcome.Fail && !finding.Suppressed)
            {
                Remediation(html, page.Context, finding);
            }
        });
    }

    private static void Facts(HtmlBuilder html, Finding finding) =>
        html.Block("dl", [("class", "facts")], () =>
        {
            Fact(html, "Control", finding.ControlId, code: true);
            Fact(html, "Outcome", finding.Outcome.ToCode() + (finding.Suppressed ? " (suppressed)" : ""));
            if (finding.Reasons.Count > 0)
            {
                Fact(html, "Reasons", string.Join(", ", finding.Reasons.Select(reason => reason.ToCode())), code: true);
            }

            if (finding.Verdict is { } verdict)
            {
                var literal = finding.LiteralVerdict is { } check ? $" (the literal text check: {check.ToCode()})" : "";
                Fact(html, "Pattern verdict", verdict.ToName() + literal);
            }

            if (finding.InheritedFrom is { } owner)
            {
                Fact(html, "Chain", $"inherited from the organization trail of {owner}");
            }
        });

    /// <summary>The control's severity and the finding's region, beside its title: <c>high severity · us-east-1</c>.</summary>
    private static string Placing(Finding finding)
    {
        var severity = ReportPage.Control(finding.ControlId) is { } control ? $"{control.Severity.ToString().ToLowerInvariant()} severity · " : "";
        return severity + (finding.Region ?? "no region: no chain was found");
    }

    private static void Exception(HtmlBuilder html, ExceptionEntry entry) =>
        html.Block("div", [("class", "exception")], () =>
        {
            html.Line("h5", "Exception");
            html.Block("dl", [("class", "facts")], () =>
            {
                Fact(html, "Owner", entry.Owner);
                Fact(html, "Reason", entry.Reason);
                Fact(html, "Expires", HtmlSummary.Date(entry.Expires));
                Fact(html, "Source", $"{entry.File}:{entry.Line}", code: true);
                Fact(html, "Scope", Scope(entry));
            });
        });

    private static string Scope(ExceptionEntry entry)
    {
        var scope = $"{entry.Control} for {string.Join(", ", entry.Accounts)}";
        scope += entry.Region is { } region ? $" in {region}" : " in every region";
        return entry.Resource is { } resource ? $"{scope}, resource {resource}" : scope;
    }

    private static void Remediation(HtmlBuilder html, ReportContext context, Finding finding) =>
        html.Block("div", [("class", "remedy")], () =>
        {
            html.Line("h5", "Remediation");
            if (context.Remedies?.Invoke(finding) is { } remedy)
            {
                if (remedy.Steps.Count > 0)
                {
                    html.Block("ol", () =>
                    {
                        foreach (var step in remedy.Steps)
                        {
                            html.Line("li", step);
                        }
                    });
                }

                if (remedy.Commands.Length > 0)
                {
                    html.Line("p", "With the AWS CLI:");
                    html.Preformatted([("class", "commands")], remedy.Commands, code: true);
                }
            }

            if (context.FixCommand(finding) is { } command)
            {
                html.Line("p", "Or let Tocsin make the missing links for this account and control:");
                html.Preformatted([("class", "fix")], command, code: true);
            }
            else
            {
                html.Line("p", "Fix the definitions at the files and lines named in the chain above, then judge the code again.");
            }
        });

    private static void Fact(HtmlBuilder html, string name, string value, bool code = false)
    {
        html.Line("dt", name);
        if (code)
        {
            html.Line("dd", [], () => html.Inline("code", value));
        }
        else
        {
            html.Line("dd", value);
        }
    }

    private static int IndexOf(IReadOnlyList<string> controls, string controlId)
    {
        for (var i = 0; i < controls.Count; i++)
        {
            if (controls[i] == controlId)
            {
                return i;
            }
        }

        return controls.Count;
    }
}
