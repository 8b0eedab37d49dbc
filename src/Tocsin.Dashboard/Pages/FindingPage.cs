using Tocsin.Core.Controls;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Verdicts;
using Tocsin.Reports.Html;
using Tocsin.Store;

namespace Tocsin.Dashboard.Pages;

/// <summary>
/// <c>/runs/{run}/accounts/{account}/controls/{control}</c>: one account × control in one run (one section per region
/// judged): outcome, reasons, message, pattern verdict, the chain drawn link by link, the evidence, the exception
/// that suppresses it, and its fix.
/// </summary>
internal static class FindingPage
{
    public static PageResult Render(StoreView view, string runName, string account, string controlName)
    {
        var run = view.Run(runName);
        var controlId = ControlCatalog.Default.Find(controlName)?.Id ?? controlName;
        var result = view.Store.Result(run);
        if (!result.Findings.Any(f => f.AccountId == account))
        {
            throw new PageNotFoundException($"run {run.Id} judged no account {account}");
        }

        var findings = result.Findings.Where(f => f.AccountId == account && f.ControlId == controlId).ToList();
        if (findings.Count == 0)
        {
            throw new PageNotFoundException($"run {run.Id} did not judge the control {controlName} for account {account}");
        }

        var inventory = new Lazy<CloudInventory?>(() => Inventory(view.Store, run));
        return PageResult.Ok(Layout.Page($"{controlId} for {account}", view.Display, html =>
        {
            html.Line("p", [], () =>
            {
                html.Text($"{ReportPage.TitleOf(controlId)}, in run {run.Id} ({run.Kind}, {Links.Time(run.StartedAt)}). ");
                html.Inline("a", [("href", Links.Matrix(run.Id))], "The run's matrix");
                html.Text(" · ");
                html.Inline("a", [("href", Links.Trend(controlId))], "the control's trend");
            });
            foreach (var finding in findings)
            {
                Finding(html, finding, () => inventory.Value);
            }
        }));
    }

    private static void Finding(HtmlBuilder html, Finding finding, Func<CloudInventory?> inventory)
    {
        var standing = Standings.Of(finding);
        html.Block("section", [("class", "finding " + standing.ClassName()), ("data-outcome", standing.ClassName())], () =>
        {
            html.Line("h2", [], () =>
            {
                Cells.Badge(html, standing);
                html.Text(" " + (finding.Region is { } region ? $"in {region}" : "no region: no chain was found"));
            });
            Facts(html, finding);
            html.Line("p", [("class", "message")], finding.Message);
            html.Line("h3", "The chain, link by link");
            HtmlChain.Write(html, finding);
            HtmlChain.Pattern(html, finding);
            Evidence(html, finding.Evidence);
            if (finding.SuppressedBy is { } exception)
            {
                Suppression(html, exception);
            }

            RemedyView.Write(html, finding, inventory);
        });
    }

    private static void Facts(HtmlBuilder html, Finding finding) =>
        html.Block("dl", [("class", "facts")], () =>
        {
            Cells.Fact(html, "Account", finding.AccountId, code: true);
            Cells.Fact(html, "Control", finding.ControlId, code: true);
            Cells.Fact(html, "Outcome", finding.Outcome.ToCode() + (finding.Suppressed ? " (suppressed)" : ""));
            Cells.Fact(html, "Reasons", finding.Reasons.Count == 0 ? "none" : string.Join(", ", finding.Reasons.Select(r => r.ToCode())), code: finding.Reasons.Count > 0);
            if (finding.Verdict is { } verdict)
            {
                var literal = finding.LiteralVerdict is { } check ? $" (the literal text check: {check.ToCode()})" : "";
                Cells.Fact(html, "Pattern verdict", verdict.ToName() + literal);
            }

            if (finding.InheritedFrom is { } owner)
            {
                Cells.Fact(html, "Chain", $"inherited from the organization trail of {owner}");
            }
        });

    private static void Evidence(HtmlBuilder html, Evidence evidence)
    {
        html.Line("h3", "Evidence");
        if (evidence.Chain.Count == 0)
        {
            html.Line("p", "No resource of the chain was found.");
        }
        else
        {
            List(html, "evidence", evidence.Chain);
        }

        if (evidence.Candidates.Count > 0)
        {
            html.Line("p", "Also considered, and not chosen:");
            List(html, "candidates", evidence.Candidates);
        }
    }

    private static void List(HtmlBuilder html, string kind, IReadOnlyList<string> arns) =>
        html.Block("ul", [("class", kind)], () =>
        {
            foreach (var arn in arns)
            {
                html.Line("li", [], () => html.Inline("code", arn));
            }
        });

    private static void Suppression(HtmlBuilder html, ExceptionEntry exception)
    {
        html.Line("h3", "Suppressed by an exception");
        html.Block("dl", [("class", "facts")], () =>
        {
            Cells.Fact(html, "Owner", exception.Owner);
            Cells.Fact(html, "Reason", exception.Reason);
            Cells.Fact(html, "Expires", $"{exception.Expires:yyyy-MM-dd} ({ExceptionsPage.DaysLeft(exception, DateTimeOffset.UtcNow)})");
            Cells.Fact(html, "Source", $"{exception.File}:{exception.Line}", code: true);
        });
    }

    private static CloudInventory? Inventory(RunStore store, StoredRun run)
    {
        try
        {
            return store.Inventory(run);
        }
        catch (StoreException)
        {
            // An inventory this build cannot read is one the page cannot plan from; the remediation section says so.
            return null;
        }
    }
}
