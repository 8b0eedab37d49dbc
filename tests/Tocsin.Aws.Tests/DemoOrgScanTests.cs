using Tocsin.Aws.Clients;
using Tocsin.Aws.Collection;
using Tocsin.Core.Findings;

namespace Tocsin.Aws.Tests;

public class DemoOrgScanTests(CleanDemoOrgScan scan) : IClassFixture<CleanDemoOrgScan>
{
    [Theory]
    [InlineData("111111111111", "pass", "")]
    [InlineData("222222222222", "pass", "")]
    [InlineData("333333333333", "pass", "")]
    [InlineData("444444444444", "pass", "")]
    [InlineData("555555555555", "pass", "")]
    [InlineData("666666666666", "fail", "no-confirmed-subscription")]
    [InlineData("777777777777", "fail", "alarm-metric-mismatch")]
    [InlineData("888888888888", "pass", "")]
    [InlineData("999999999999", "fail", "no-trail")]
    [InlineData("121212121212", "fail", "no-metric-filter")]
    public void Each_demo_account_gets_the_outcome_its_chain_deserves(string accountId, string outcome, string reasons)
    {
        var finding = scan.FindingFor(accountId);
        finding.Outcome.ToString().ToLowerInvariant().ShouldBe(outcome);
        string.Join(",", finding.Reasons.Select(r => r.ToCode())).ShouldBe(reasons);
    }

    [Fact]
    public void Member_accounts_inherit_the_organization_trail_of_the_management_account()
    {
        scan.FindingFor("222222222222").InheritedFrom.ShouldBe(DemoOrganization.Management);
    }

    [Fact]
    public void The_organization_and_its_members_are_recorded()
    {
        var organization = scan.Result.Inventory.Organization.ShouldNotBeNull();
        organization.ManagementAccountId.ShouldBe(DemoOrganization.Management);
        organization.MemberAccountIds.Value.ShouldBe(["111111111111", "222222222222", "333333333333"]);
    }

    [Fact]
    public void Trails_are_listed_once_in_each_enabled_region_of_each_account()
    {
        scan.Result.Summary.Accounts.ShouldAllBe(a => a.ByAction["cloudtrail:DescribeTrails"] == 4);
    }

    [Fact]
    public void Trail_status_and_selectors_are_read_once_per_owned_trail()
    {
        var calls = scan.CallsOf("444444444444").ByAction;
        calls["cloudtrail:GetTrailStatus"].ShouldBe(1);
        calls["cloudtrail:GetEventSelectors"].ShouldBe(1);
    }

    [Fact]
    public void A_member_does_not_read_the_organization_trail_it_inherits()
    {
        scan.CallsOf("222222222222").ByAction.Keys.ShouldBe(["cloudtrail:DescribeTrails", "ec2:DescribeRegions", "sts:AssumeRole"]);
    }

    [Fact]
    public void The_chain_behind_a_trail_costs_one_call_per_link()
    {
        var calls = scan.CallsOf("666666666666").ByAction;
        calls["logs:DescribeMetricFilters"].ShouldBe(1);
        calls["cloudwatch:DescribeAlarms"].ShouldBe(1);
        calls["sns:GetTopicAttributes"].ShouldBe(1);
        calls["sns:ListSubscriptionsByTopic"].ShouldBe(1);
    }

    [Fact]
    public void An_account_without_trails_makes_no_calls_past_listing_them()
    {
        scan.CallsOf("999999999999").Calls.ShouldBe(1 + 1 + 4);
    }

    [Fact]
    public void Every_action_the_scan_sends_is_declared_by_a_client()
    {
        var sent = scan.Result.Summary.Accounts.SelectMany(a => a.ByAction.Keys).Distinct().ToList();
        sent.ShouldBeSubsetOf(Permissions.All);
        Permissions.All.ShouldBeSubsetOf(sent);
    }

    [Fact]
    public void Run_summary_totals_are_the_sum_of_the_accounts()
    {
        var summary = scan.Result.Summary;
        summary.Calls.ShouldBe(summary.Accounts.Sum(a => a.Calls));
        summary.Failures.ShouldBe(0);
        summary.Caller.ShouldBe("arn:aws:iam::111111111111:user/auditor");
    }
}
