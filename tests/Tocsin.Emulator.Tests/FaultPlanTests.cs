using Tocsin.Emulator.Faults;

namespace Tocsin.Emulator.Tests;

public sealed class FaultPlanTests
{
    private const string HalfThrottled = """
        seed: 42
        rules:
          - operation: "logs:Describe*"
            throttle: 0.5
        """;

    private static List<FaultKind> Run(FaultPlan plan, int requests) =>
        [.. Enumerable.Range(0, requests).Select(_ => plan.Decide("logs:DescribeMetricFilters", "111111111111", "us-east-1").Kind)];

    [Fact]
    public void The_same_seed_gives_the_same_faults_on_every_run()
    {
        Run(FaultPlan.Parse(HalfThrottled, "faults.yaml"), 200).ShouldBe(Run(FaultPlan.Parse(HalfThrottled, "faults.yaml"), 200));
    }

    [Fact]
    public void A_throttle_rate_of_one_half_throttles_about_half_of_the_requests()
    {
        var throttled = Run(FaultPlan.Parse(HalfThrottled, "faults.yaml"), 1000).Count(kind => kind == FaultKind.Throttle);
        throttled.ShouldBeInRange(400, 600);
    }

    [Fact]
    public void A_rule_leaves_operations_outside_its_scope_alone()
    {
        var plan = FaultPlan.Parse(HalfThrottled, "faults.yaml");
        Enumerable.Range(0, 100).Select(_ => plan.Decide("cloudwatch:DescribeAlarms", "111111111111", "us-east-1").Kind).ShouldAllBe(kind => kind == FaultKind.None);
    }

    [Fact]
    public void Access_denied_rules_apply_to_their_account_only()
    {
        var plan = FaultPlan.Parse("""
            accessDenied:
              - operation: "cloudtrail:GetEventSelectors"
                account: "222222222222"
            """, "faults.yaml");
        plan.Decide("cloudtrail:GetEventSelectors", "222222222222", "eu-west-1").Kind.ShouldBe(FaultKind.AccessDenied);
        plan.Decide("cloudtrail:GetEventSelectors", "333333333333", "eu-west-1").Kind.ShouldBe(FaultKind.None);
    }

    [Fact]
    public void Fixed_latency_is_added_to_matching_requests()
    {
        var plan = FaultPlan.Parse("rules:\n  - latencyMs: 25\n", "faults.yaml");
        plan.Decide("sns:GetTopicAttributes", "111111111111", "us-east-1").Latency.ShouldBe(TimeSpan.FromMilliseconds(25));
    }

    [Fact]
    public void Disabled_regions_are_disabled_for_the_accounts_named()
    {
        var plan = FaultPlan.Parse("disabledRegions:\n  - region: ap-east-1\n    account: \"444444444444\"\n", "faults.yaml");
        plan.IsRegionDisabled("444444444444", "ap-east-1").ShouldBeTrue();
        plan.IsRegionDisabled("111111111111", "ap-east-1").ShouldBeFalse();
    }

    [Fact]
    public void A_rate_above_one_is_refused_with_where_it_is()
    {
        var problem = Should.Throw<EmulatorInputException>(() => FaultPlan.Parse("rules:\n  - throttle: 2\n", "faults.yaml"));
        problem.Message.ShouldBe("faults.yaml: rules[0].throttle is 2; a rate is between 0 and 1.");
    }

    [Fact]
    public void An_unknown_key_is_refused_with_its_line()
    {
        var problem = Should.Throw<EmulatorInputException>(() => FaultPlan.Parse("seed: 1\nthrotle: 0.5\n", "faults.yaml"));
        problem.Message.ShouldStartWith("faults.yaml:2:");
    }
}
