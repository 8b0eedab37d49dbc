using Tocsin.Core.Inventory;

namespace Tocsin.Core.Tests.Inventory;

public class ObservedTests
{
    [Fact]
    public void A_predicate_on_an_unknown_value_is_false_both_ways()
    {
        var logging = Observed<bool>.NotKnown(UnknownReason.AccessDenied, "cloudtrail:GetTrailStatus");

        logging.Is(on => on).ShouldBeFalse();
        logging.IsNot(on => on).ShouldBeFalse();
    }

    [Fact]
    public void A_predicate_on_a_known_value_is_decided()
    {
        Observed<bool> logging = false;

        logging.Is(on => on).ShouldBeFalse();
        logging.IsNot(on => on).ShouldBeTrue();
    }

    [Fact]
    public void Reading_an_unknown_value_names_the_reason()
    {
        var threshold = Observed<double?>.NotKnown(UnknownReason.Unresolved, "var.threshold");

        Should.Throw<InvalidOperationException>(() => threshold.Value).Message.ShouldBe("the value is unknown (unresolved: var.threshold)");
    }

    [Fact]
    public void A_known_null_is_a_value_not_an_unknown()
    {
        var kmsKey = Observed<string?>.Known(null);

        kmsKey.IsKnown.ShouldBeTrue();
        kmsKey.Is(key => key is null).ShouldBeTrue();
    }

    [Fact]
    public void Mapping_an_unknown_value_keeps_its_reason()
    {
        var pattern = Observed<string>.NotKnown(UnknownReason.Throttled, "logs:DescribeMetricFilters");

        pattern.Select(p => p.Length).Unknown.ShouldBe(new Unknown(UnknownReason.Throttled, "logs:DescribeMetricFilters"));
    }

    [Fact]
    public void Observed_lists_compare_by_their_elements()
    {
        Samples.List("a", "b").ShouldBe(Samples.List("a", "b"));
        Samples.List("a", "b").ShouldNotBe(Samples.List("b", "a"));
    }

    [Fact]
    public void A_subscription_with_a_real_arn_is_confirmed_and_a_pending_one_is_not()
    {
        new Subscription("arn:aws:sns:us-east-1:111111111111:alarms:1a2b", "email", Observed<string?>.Known("a@example.com")).IsConfirmed.ShouldBeTrue();
        new Subscription(Subscription.PendingConfirmation, "email", Observed<string?>.Known("a@example.com")).IsConfirmed.ShouldBeFalse();
    }

    [Fact]
    public void Log_group_arns_with_and_without_the_trailing_star_are_the_same_log_group()
    {
        LogGroupArns.Same("arn:aws:logs:us-east-1:111111111111:log-group:trail:*", "arn:aws:logs:us-east-1:111111111111:log-group:trail").ShouldBeTrue();
        LogGroupArns.Parse("arn:aws:logs:eu-west-1:222222222222:log-group:a/b:c:*").ShouldBe(("222222222222", "eu-west-1", "a/b:c"));
    }

    [Fact]
    public void A_value_read_as_absent_is_known_and_differs_from_an_unknown_one()
    {
        Observed.None<string>().ShouldBe(Observed<string?>.Known(null));
        Observed.None<string>().ShouldNotBe(Observed.Unknown<string?>(UnknownReason.NotCollected));
    }
}
