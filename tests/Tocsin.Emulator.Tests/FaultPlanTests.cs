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

    [Fact]
    public void Rates_of_one_rule_that_add_up_to_more_than_one_are_refused_with_the_rule_named()
    {
        var problem = Should.Throw<EmulatorInputException>(() => FaultPlan.Parse("rules:\n  - { throttle: 0.6, malformed: 0.6 }\n", "faults.yaml"));
        problem.Message.ShouldBe("faults.yaml: rules[0]: the rates add up to 1.2; a request meets at most one fault, so they add up to 1 at most.");
    }

    [Theory]
    [InlineData("connectionReset", FaultKind.ConnectionReset)]
    [InlineData("malformed", FaultKind.Malformed)]
    [InlineData("truncated", FaultKind.Truncated)]
    [InlineData("wrongContentType", FaultKind.WrongContentType)]
    [InlineData("oversized", FaultKind.Oversized)]
    [InlineData("trickle", FaultKind.Trickle)]
    public void Each_reply_fault_key_injects_its_kind_and_is_counted(string key, FaultKind kind)
    {
        var plan = FaultPlan.Parse($"rules:\n  - {{ operation: \"logs:*\", {key}: 1 }}\n", "faults.yaml");

        plan.Decide("logs:DescribeMetricFilters", "111111111111", "us-east-1").Kind.ShouldBe(kind);
        plan.Decide("cloudwatch:DescribeAlarms", "111111111111", "us-east-1").Kind.ShouldBe(FaultKind.None);
        plan.Injected.ShouldBe(new Dictionary<FaultKind, long> { [kind] = 1 });
    }

    [Fact]
    public void A_truncation_point_is_drawn_per_request_and_repeats_with_the_seed()
    {
        const string Truncating = "seed: 5\nrules:\n  - truncated: 1\n";
        List<double> Cuts(FaultPlan plan) => [.. Enumerable.Range(0, 20).Select(_ => plan.Decide("sns:ListTopics", "111111111111", "us-east-1").Fraction)];

        var cuts = Cuts(FaultPlan.Parse(Truncating, "faults.yaml"));
        cuts.ShouldBe(Cuts(FaultPlan.Parse(Truncating, "faults.yaml")));
        cuts.Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public void Trickle_rate_oversize_and_clock_skew_are_read_from_the_file()
    {
        var plan = FaultPlan.Parse("trickleMs: 20\noversizedBytes: 1048576\nclockSkewMinutes: -20\n", "faults.yaml");

        (plan.TrickleDelay, plan.OversizedBytes, plan.ClockSkew).ShouldBe((TimeSpan.FromMilliseconds(20), 1048576L, TimeSpan.FromMinutes(-20)));
    }

    [Fact]
    public void Without_the_new_keys_a_reply_trickles_a_byte_a_second_and_is_padded_to_ten_megabytes()
    {
        var plan = FaultPlan.Parse("seed: 1\n", "faults.yaml");

        (plan.TrickleDelay, plan.OversizedBytes, plan.ClockSkew).ShouldBe((TimeSpan.FromSeconds(1), 10L * 1024 * 1024, TimeSpan.Zero));
    }
}
