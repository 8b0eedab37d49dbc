using Tocsin.Reports.Html;
using Tocsin.Store;

namespace Tocsin.Dashboard.Pages;

/// <summary>What a run was, in one sentence (above its matrix) or in full (on its own page).</summary>
internal static class RunFacts
{
    public static void Summary(HtmlBuilder html, StoredRun run) =>
        html.Line("p", [("class", "run-summary")], () =>
        {
            html.Text($"A {run.Kind} run started {Links.Time(run.StartedAt)} over {run.Scope}: ");
            html.Text($"{run.Counts.Pass} pass, {run.Counts.Fail} fail, {run.Counts.Error} error, {run.Counts.Suppressed} suppressed. ");
            html.Inline("a", [("href", Links.Run(run.Id))], "The run in full");
        });

    public static void Details(HtmlBuilder html, StoredRun run) =>
        html.Block("dl", [("class", "facts")], () =>
        {
            Cells.Fact(html, "Run", run.Id, code: true);
            Cells.Fact(html, "Kind", run.Kind);
            Cells.Fact(html, "Source", run.Source);
            Cells.Fact(html, "Scope", run.Scope);
            Cells.Fact(html, "Started", Links.Time(run.StartedAt));
            Cells.Fact(html, "Finished", Links.Time(run.FinishedAt));
            Cells.Fact(html, "Callers", run.Callers.Count == 0 ? "—" : string.Join(", ", run.Callers));
            Cells.Fact(html, "Shards", $"{run.Parts} of {run.PartsExpected} recorded{(run.Complete ? "" : ": the run is incomplete")}");
            Cells.Fact(html, "API calls", $"{run.Calls.Calls} ({run.Calls.Throttles} throttled, {run.Calls.Retries} retried, {run.Calls.Failures} failed)");
            Cells.Fact(html, "Findings", $"{run.Counts.Pass} pass, {run.Counts.Fail} fail, {run.Counts.Error} error, {run.Counts.Suppressed} suppressed");
            Cells.Fact(html, "Tool version", run.ToolVersion);
        });
}
