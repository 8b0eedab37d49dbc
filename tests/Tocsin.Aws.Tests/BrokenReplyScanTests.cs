using Tocsin.Aws.Collection;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Emulator;
using Tocsin.Emulator.Faults;

namespace Tocsin.Aws.Tests;

/// <summary>
/// Replies that arrive broken (cut off, malformed, an HTML page, ten megabytes, a byte at a time) and a clock 20
/// minutes off: the scan still ends, and what it could not read is an error, never a pass or a fail.
/// </summary>
public sealed class BrokenReplyScanTests
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    /// <summary>Three attempts, no waits between them; a trickling reply costs the attempt timeout each time.</summary>
    private static Collector Collector(TimeSpan attemptTimeout) => new(new CollectorOptions
    {
        Retry = new Http.RetryPolicy(MaxAttempts: 3, AttemptTimeout: attemptTimeout),
        Delay = (_, _) => Task.CompletedTask,
        Random = new Random(7),
        Environment = _ => null,
    });

    private static async Task<(CollectResult Result, RunResult Evaluated)> ScanAsync(string faultsYaml, double attemptTimeoutSeconds = 10)
    {
        await using var emulator = await EmulatorHost.StartAsync(DemoOrganization.Scenario, FaultPlan.Parse(faultsYaml, "faults.yaml"), port: 0);
        var result = await Collector(TimeSpan.FromSeconds(attemptTimeoutSeconds)).CollectAsync(DemoOrganization.Request(emulator));
        return (result, new ChainEvaluator(EvaluationOptions.Default).Evaluate(result.Inventory, [Seed]));
    }

    private static Region RegionOf(CollectResult result, string accountId, string region) =>
        result.Inventory.Accounts.Single(a => a.Id == accountId).Regions.Value.Single(r => r.Name == region);

    private static IEnumerable<string> UnknownFilters(CollectResult result, string accountId) =>
        result.Inventory.Accounts.Single(a => a.Id == accountId).Regions.Value.Where(r => !r.MetricFilters.IsKnown && r.MetricFilters.Unknown!.Reason != UnknownReason.NotCollected).Select(r => r.MetricFilters.Unknown!.ToString());

    [Fact]
    public async Task A_reply_that_trickles_in_a_byte_at_a_time_is_cut_by_the_per_attempt_timeout()
    {
        var (result, evaluated) = await ScanAsync("""
            trickleMs: 50
            rules:
              - { operation: "logs:DescribeMetricFilters", account: "444444444444", trickle: 1 }
            """, attemptTimeoutSeconds: 1);

        UnknownFilters(result, "444444444444").ShouldBe(["unavailable: logs:DescribeMetricFilters: RequestTimeout"]);
        evaluated.Findings.Single(f => f.AccountId == "444444444444").Reasons.Select(r => r.ToCode()).ShouldBe(["unavailable"]);
    }

    [Fact]
    public async Task A_reply_cut_off_mid_body_is_a_dropped_connection_that_leaves_the_rest_of_the_account_read()
    {
        var (result, evaluated) = await ScanAsync("""
            rules:
              - { operation: "logs:DescribeMetricFilters", account: "444444444444", connectionReset: 1 }
            """);

        UnknownFilters(result, "444444444444").ShouldBe(["unavailable: logs:DescribeMetricFilters: ConnectionError"]);
        RegionOf(result, "444444444444", "eu-west-1").Trails.IsKnown.ShouldBeTrue();
        evaluated.Findings.Single(f => f.AccountId == "444444444444").Reasons.Select(r => r.ToCode()).ShouldBe(["unavailable"]);
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("truncated")]
    [InlineData("wrongContentType")]
    public async Task A_broken_reply_makes_the_chain_it_would_have_shown_an_unavailable_error_not_a_fail(string fault)
    {
        var (_, evaluated) = await ScanAsync($$"""
            rules:
              - { operation: "logs:DescribeMetricFilters", {{fault}}: 1 }
            """);

        foreach (var account in new[] { "111111111111", "444444444444", "666666666666", "777777777777" })
        {
            var finding = evaluated.Findings.Single(f => f.AccountId == account);
            finding.Outcome.ShouldBe(Outcome.Error, account);
            finding.Reasons.Select(r => r.ToCode()).ShouldBe(["unavailable"], account);
        }

        evaluated.Findings.Single(f => f.AccountId == "999999999999").Reasons.Select(r => r.ToCode()).ShouldBe(["no-trail"]);
    }

    [Fact]
    public async Task A_ten_megabyte_reply_says_what_the_short_one_says()
    {
        var (_, evaluated) = await ScanAsync("""
            rules:
              - { operation: "cloudtrail:DescribeTrails", account: "111111111111", region: "us-east-1", oversized: 1 }
            """);

        evaluated.Findings.Single(f => f.AccountId == "111111111111").Outcome.ShouldBe(Outcome.Pass);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(-20)]
    public async Task A_service_clock_twenty_minutes_off_is_learned_from_the_refusal_and_the_scan_judges_as_without_it(int minutes)
    {
        var (result, evaluated) = await ScanAsync($"clockSkewMinutes: {minutes}\n");

        result.Summary.Retries.ShouldBeGreaterThan(0);
        result.Summary.Failures.ShouldBe(0);
        evaluated.Findings.Where(f => f.Outcome == Outcome.Pass).Select(f => f.AccountId).Order().ShouldBe(
            ["111111111111", "222222222222", "333333333333", "444444444444", "555555555555", "888888888888"]);
    }

    [Fact]
    public async Task A_reply_to_GetCallerIdentity_that_cannot_be_read_stops_the_target_as_a_collection_failure()
    {
        var problem = await Should.ThrowAsync<CollectionException>(() => ScanAsync("""
            rules:
              - { operation: "sts:GetCallerIdentity", malformed: 1 }
            """));

        problem.Message.ShouldStartWith("AWS could not be reached: sts:GetCallerIdentity: the reply is not valid XML");
    }

    [Fact]
    public async Task An_organization_listing_that_cannot_be_read_stops_the_target_as_a_collection_failure()
    {
        var problem = await Should.ThrowAsync<CollectionException>(() => ScanAsync("""
            rules:
              - { operation: "organizations:ListAccounts", truncated: 1 }
            """));

        problem.Message.ShouldStartWith("Cannot list the organization's accounts: organizations:ListAccounts: the reply is not valid JSON");
    }
}
