using Tocsin.Core.Findings;

namespace Tocsin.Aws.Tests;

public class FaultyDemoOrgScanTests(FaultyDemoOrgScan scan) : IClassFixture<FaultyDemoOrgScan>
{
    [Fact]
    public void Throttled_calls_recover_through_retries()
    {
        scan.Result.Summary.Throttles.ShouldBeGreaterThan(20);
        scan.Result.Summary.Retries.ShouldBeGreaterThanOrEqualTo(scan.Result.Summary.Throttles);
    }

    [Fact]
    public void Only_the_denied_region_fails_after_retries()
    {
        var failed = scan.Result.Inventory.Accounts
            .SelectMany(a => a.Regions.Value)
            .Where(r => !r.Trails.IsKnown)
            .Select(r => (r.Name, r.Trails.Unknown!.Code))
            .Distinct()
            .ToList();
        failed.ShouldBe([("us-west-2", "access-denied")]);
    }

    [Fact]
    public void Retry_waits_stay_within_the_full_jitter_ceiling()
    {
        lock (scan.Waits)
        {
            scan.Waits.ShouldNotBeEmpty();
            scan.Waits.ShouldAllBe(wait => wait >= TimeSpan.Zero && wait <= TimeSpan.FromSeconds(20));
        }
    }

    [Theory]
    [InlineData("111111111111")]
    [InlineData("222222222222")]
    [InlineData("333333333333")]
    [InlineData("444444444444")]
    [InlineData("555555555555")]
    [InlineData("888888888888")]
    public void A_complete_chain_in_a_readable_region_still_passes(string accountId)
    {
        scan.FindingFor(accountId).Outcome.ShouldBe(Outcome.Pass);
    }

    [Theory]
    [InlineData("666666666666")]
    [InlineData("777777777777")]
    [InlineData("999999999999")]
    public void A_failing_account_with_an_unreadable_region_is_an_access_denied_error_not_a_fail(string accountId)
    {
        var finding = scan.FindingFor(accountId);
        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Reasons.Select(r => r.ToCode()).ShouldBe(["access-denied"]);
    }
}
