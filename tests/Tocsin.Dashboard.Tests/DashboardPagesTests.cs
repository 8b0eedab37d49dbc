using System.Net;

namespace Tocsin.Dashboard.Tests;

/// <summary>The demo's store as a browser or script sees it over HTTP: every page, its headers, and what a wrong address gets.</summary>
[Collection(DemoDashboardCollection.Name)]
public class DashboardPagesTests(DemoDashboard demo)
{
    [Theory]
    [InlineData("matrix")]
    [InlineData("matrix of the first run")]
    [InlineData("trend")]
    [InlineData("failing finding")]
    [InlineData("passing finding")]
    [InlineData("exceptions")]
    [InlineData("diff")]
    [InlineData("diff of two runs")]
    [InlineData("run")]
    public async Task Every_page_is_html_with_the_security_headers(string page)
    {
        using var response = await demo.Client.GetAsync(Pages.Of(demo, page));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        Headers.ShouldGuard(response);
        (await response.Content.ReadAsStringAsync()).ShouldStartWith("<!doctype html>");
    }

    [Theory]
    [InlineData("/?run=no-such-run")]
    [InlineData("/runs/no-such-run")]
    [InlineData("/controls/no-such-control")]
    [InlineData("/diff?from=no-such-run")]
    [InlineData("/no/such/page")]
    public async Task An_unknown_run_control_or_page_is_a_404_page(string path)
    {
        using var response = await demo.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        Headers.ShouldGuard(response);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Not found");
    }

    [Fact]
    public async Task An_account_or_control_the_run_did_not_judge_is_a_404_page()
    {
        using var account = await demo.Client.GetAsync($"/runs/{demo.First.Id}/accounts/000000000000/controls/{DemoDashboard.SeedControl}");
        using var control = await demo.Client.GetAsync($"/runs/{demo.First.Id}/accounts/{demo.FirstFailingAccount}/controls/root-account-usage");

        account.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await account.Content.ReadAsStringAsync()).ShouldContain("judged no account 000000000000");
        control.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await control.Content.ReadAsStringAsync()).ShouldContain("did not judge the control root-account-usage");
    }

    [Fact]
    public async Task A_request_other_than_GET_is_refused()
    {
        using var response = await demo.Client.PostAsync("/", new StringContent(""));

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        Headers.ShouldGuard(response);
    }

    [Fact]
    public async Task A_failing_finding_shows_its_broken_link_and_its_fix_as_cli_cloudformation_and_terraform()
    {
        var html = await demo.Client.GetStringAsync($"/runs/{demo.First.Id}/accounts/{demo.FirstAccountMissingResources}/controls/{DemoDashboard.SeedControl}");

        html.ShouldContain("""<ol class="chain" aria-label="chain">""");
        html.ShouldContain("""<li class="broken" """);
        html.ShouldContain("""<details class="format" data-format="cli" open="">""");
        html.ShouldContain("""<details class="format" data-format="cloudformation">""");
        html.ShouldContain("""<details class="format" data-format="terraform">""");
        html.ShouldContain("AWSTemplateFormatVersion");
        html.ShouldContain("resource &quot;aws_");
    }

    [Fact]
    public async Task A_passing_finding_says_there_is_nothing_to_fix()
    {
        var html = await demo.Client.GetStringAsync(Pages.Of(demo, "passing finding"));

        html.ShouldContain("This finding passes: there is nothing to fix.");
        html.ShouldNotContain("data-format=");
    }

    [Fact]
    public async Task By_default_the_diff_compares_the_latest_run_with_the_one_before_it_of_the_same_scope()
    {
        var html = await demo.Client.GetStringAsync("/diff");

        html.ShouldContain($"What changed from {demo.First.Id} to {demo.Last.Id}");
        html.ShouldContain($"""<li data-account="{demo.FirstFailingAccount}" data-control="{DemoDashboard.SeedControl}" data-change="fixed">""");
    }

    [Fact]
    public async Task A_remediation_run_lists_the_steps_it_applied()
    {
        var html = await demo.Client.GetStringAsync($"/runs/{demo.AppliedRun.Id}");

        html.ShouldContain("""<table class="list steps" id="steps">""");
        html.ShouldContain("applied");
    }

    [Fact]
    public async Task The_trend_of_a_control_draws_a_bar_for_each_run_that_judged_it()
    {
        var html = await demo.Client.GetStringAsync($"/controls/{DemoDashboard.SeedControl}");

        foreach (var run in demo.Runs)
        {
            html.ShouldContain($"""<g class="run" data-run="{run.Id}">""");
        }
    }

    [Fact]
    public async Task A_control_alias_leads_to_the_control_trend()
    {
        using var response = await demo.Client.GetAsync("/controls/securityhub:CloudWatch.3");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"Trend of {DemoDashboard.SeedControl}");
    }
}

/// <summary>The pages of the demo's dashboard by name, for theories.</summary>
internal static class Pages
{
    public static IReadOnlyList<string> Names { get; } =
        ["matrix", "matrix of the first run", "trend", "failing finding", "passing finding", "exceptions", "diff", "diff of two runs", "run"];

    public static string Of(DemoDashboard demo, string name) => name switch
    {
        "matrix" => "/",
        "matrix of the first run" => $"/?run={demo.First.Id}",
        "trend" => $"/controls/{DemoDashboard.SeedControl}",
        "failing finding" => $"/runs/{demo.First.Id}/accounts/{demo.FirstFailingAccount}/controls/{DemoDashboard.SeedControl}",
        "passing finding" => $"/runs/{demo.First.Id}/accounts/{demo.FirstPassingAccount}/controls/{DemoDashboard.SeedControl}",
        "exceptions" => "/exceptions",
        "diff" => "/diff",
        "diff of two runs" => $"/diff?from={demo.First.Id}&to={demo.Last.Id}",
        "run" => $"/runs/{demo.AppliedRun.Id}",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such page"),
    };
}

/// <summary>The headers every answer of the dashboard carries.</summary>
internal static class Headers
{
    public static void ShouldGuard(HttpResponseMessage response)
    {
        Header(response, "Content-Security-Policy").ShouldStartWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldBe("no-referrer");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
