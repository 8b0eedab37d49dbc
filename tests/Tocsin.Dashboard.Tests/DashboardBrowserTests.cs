namespace Tocsin.Dashboard.Tests;

/// <summary>The demo's dashboard as a person sees it, in headless Chromium.</summary>
[Collection(DemoDashboardCollection.Name)]
public class DashboardBrowserTests(DemoDashboard demo, Chromium chromium) : IClassFixture<Chromium>
{
    [SkippableFact]
    public async Task The_matrix_of_the_demo_first_run_shows_the_outcome_the_store_holds_for_each_account_and_control()
    {
        var watched = await chromium.NewPageAsync();
        await watched.OpenAsync(new Uri(demo.Url, $"/?run={demo.First.Id}"), "matrix-first-run");

        var cells = await watched.Page.Locator("table.matrix td[data-outcome]").EvaluateAllAsync<string[][]>(
            "cells => cells.map(cell => [cell.dataset.account, cell.dataset.control, cell.dataset.outcome, cell.className])");
        var shown = cells.ToDictionary(cell => (cell[0], cell[1]), cell => cell[2]);

        shown.ShouldBe(demo.Standings(demo.First), ignoreOrder: true);
        cells.ShouldAllBe(cell => cell[3] == cell[2]);
        shown.Values.ShouldContain("pass");
        shown.Values.ShouldContain("fail");
    }

    [SkippableFact]
    public async Task A_passing_cell_and_a_failing_cell_are_drawn_in_different_colours()
    {
        var watched = await chromium.NewPageAsync();
        await watched.OpenAsync(new Uri(demo.Url, $"/?run={demo.First.Id}"), "matrix-colours");

        var pass = await Background(watched, "table.matrix td[data-outcome=pass]");
        var fail = await Background(watched, "table.matrix td[data-outcome=fail]");

        pass.ShouldNotBe(fail);
        pass.ShouldNotBe("rgba(0, 0, 0, 0)");
        fail.ShouldNotBe("rgba(0, 0, 0, 0)");
    }

    [SkippableFact]
    public async Task The_diff_between_the_demo_first_and_last_run_lists_the_findings_the_fix_made_pass()
    {
        var failedFirst = demo.Standings(demo.First).Where(cell => cell.Value == "fail").Select(cell => cell.Key.Account).ToHashSet();
        var passLast = demo.Standings(demo.Last).Where(cell => cell.Value == "pass").Select(cell => cell.Key.Account).ToHashSet();
        var watched = await chromium.NewPageAsync();
        await watched.OpenAsync(new Uri(demo.Url, $"/diff?from={demo.First.Id}&to={demo.Last.Id}"), "diff-first-to-last");

        var fixedAccounts = await watched.Page.Locator("#fixed li[data-change=fixed]").EvaluateAllAsync<string[]>("items => items.map(item => item.dataset.account)");

        fixedAccounts.ShouldNotBeEmpty();
        fixedAccounts.Order(StringComparer.Ordinal).ShouldBe(failedFirst.Intersect(passLast).Order(StringComparer.Ordinal));
        (await watched.Page.Locator("#newly-failing li").CountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task No_page_logs_an_error_or_fails_a_request()
    {
        var problems = new List<string>();
        foreach (var name in Pages.Names)
        {
            var watched = await chromium.NewPageAsync();
            await watched.OpenAsync(new Uri(demo.Url, Pages.Of(demo, name)), name.Replace(' ', '-'));
            problems.AddRange(watched.Problems.Select(problem => $"{name}: {problem}"));
            await watched.Page.CloseAsync();
        }

        problems.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task On_a_phone_the_finding_page_is_no_wider_than_the_screen()
    {
        var watched = await chromium.NewPageAsync(390, 844);
        await watched.OpenAsync(new Uri(demo.Url, Pages.Of(demo, "failing finding")), "failing-finding-phone");

        var widths = await watched.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

        widths[0].ShouldBeLessThanOrEqualTo(widths[1]);
    }

    private static Task<string> Background(WatchedPage watched, string selector) =>
        watched.Page.Locator(selector).First.EvaluateAsync<string>("cell => getComputedStyle(cell).backgroundColor");
}
