using Tocsin.Core.Controls;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Html;

/// <summary>What every part of the page reads: the run, its context, the anchors, and the accounts and controls in page order.</summary>
internal sealed class ReportPage
{
    public ReportPage(RunResult result, ReportContext context)
    {
        Result = result;
        Context = context;
        Anchors = new HtmlAnchors(result.Findings);
        Accounts = [.. result.Findings.Select(finding => finding.AccountId).Distinct().Order(StringComparer.Ordinal)];
        Controls =
        [
            .. result.Findings
                .Select(finding => finding.ControlId)
                .Distinct()
                .OrderBy(CatalogIndex)
                .ThenBy(id => id, StringComparer.Ordinal),
        ];
    }

    public RunResult Result { get; }

    public ReportContext Context { get; }

    public HtmlAnchors Anchors { get; }

    public IReadOnlyList<string> Accounts { get; }

    /// <summary>The controls of the run in catalog order (the seed control first); ids the catalog lacks come last.</summary>
    public IReadOnlyList<string> Controls { get; }

    public string Title
    {
        get
        {
            var summary = Result.Summary;
            return $"{ToolInfo.Name} report: {summary.Accounts} {Plural(summary.Accounts, "account")}, {summary.Fail} failing";
        }
    }

    /// <summary>The catalog's entry for a control id, or null for an id this build does not know.</summary>
    public static Control? Control(string controlId) => ControlCatalog.Default.Find(controlId);

    /// <summary>The control's title, or its id when the catalog does not know it.</summary>
    public static string TitleOf(string controlId) => Control(controlId)?.Title ?? controlId;

    public static string Plural(int count, string word) => count == 1 ? word : word + "s";

    private static int CatalogIndex(string controlId)
    {
        var all = ControlCatalog.Default.All;
        var id = Control(controlId)?.Id;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Id == id)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
