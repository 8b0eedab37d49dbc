using Tocsin.Core.Findings;

namespace Tocsin.Reports.Tests;

public class ChainLinksTests
{
    [Fact]
    public void A_passing_chain_holds_at_every_link_with_its_resource()
    {
        var links = ChainLinks.Of(SampleRuns.TunedPass);

        links.Select(link => link.State).ShouldAllBe(state => state == LinkState.Held);
        links.Single(link => link.Kind == LinkKind.Subscription).Resource.ShouldBe("arn:aws:sns:eu-west-1:444444444444:alerts:0b6941c7-5d4f-4a3b-9c1e-7f2d8e6a1b20");
        links.Single(link => link.Kind == LinkKind.Topic).Resource.ShouldBe("arn:aws:sns:eu-west-1:444444444444:alerts");
    }

    [Fact]
    public void The_link_a_reason_names_is_broken_and_the_links_after_it_were_not_reached()
    {
        var links = ChainLinks.Of(SampleRuns.Hostile);

        links.Select(link => (link.Kind, link.State)).ShouldBe(
        [
            (LinkKind.Trail, LinkState.Held),
            (LinkKind.LogGroup, LinkState.Held),
            (LinkKind.MetricFilter, LinkState.Held),
            (LinkKind.Alarm, LinkState.Broken),
            (LinkKind.Topic, LinkState.NotReached),
            (LinkKind.Subscription, LinkState.NotReached),
        ]);
    }

    [Fact]
    public void An_eventbridge_finding_is_drawn_as_rule_topic_and_subscription()
    {
        var finding = new Finding("console-signin-without-mfa", "111111111111", "us-east-1", Outcome.Fail, [ReasonCode.EventBridgeTopicPolicyDenies],
            "the access policy of topic signin-alerts does not let events.amazonaws.com publish",
            new Evidence(["arn:aws:events:us-east-1:111111111111:rule/console-signin-without-mfa", "arn:aws:sns:us-east-1:111111111111:signin-alerts"], []))
        {
            Chain = AlertChain.EventBridge,
        };

        ChainLinks.Of(finding).Select(link => (link.Kind, link.State, link.Resource)).ShouldBe(
        [
            (LinkKind.EventRule, LinkState.Held, "arn:aws:events:us-east-1:111111111111:rule/console-signin-without-mfa"),
            (LinkKind.Topic, LinkState.Broken, "arn:aws:sns:us-east-1:111111111111:signin-alerts"),
            (LinkKind.Subscription, LinkState.NotReached, null),
        ]);
    }

    [Fact]
    public void A_metric_filter_finding_that_also_carries_eventbridge_reasons_breaks_at_its_own_link()
    {
        var finding = new Finding("console-signin-without-mfa", "111111111111", null, Outcome.Fail, [ReasonCode.NoTrail, ReasonCode.EventBridgeRegionGap], "no trail", Evidence.None);

        ChainLinks.Of(finding).Select(link => link.Kind).ShouldBe([LinkKind.Trail, LinkKind.LogGroup, LinkKind.MetricFilter, LinkKind.Alarm, LinkKind.Topic, LinkKind.Subscription]);
        ChainLinks.Of(finding)[0].State.ShouldBe(LinkState.Broken);
    }

    [Fact]
    public void An_account_that_could_not_be_read_is_unseen_from_its_first_link()
    {
        var links = ChainLinks.Of(SampleRuns.SuppressedError);

        links[0].State.ShouldBe(LinkState.Unseen);
        links.Skip(1).ShouldAllBe(link => link.State == LinkState.NotReached);
    }

    [Fact]
    public void A_trail_without_CloudWatch_Logs_delivery_breaks_at_the_log_group()
    {
        var finding = SampleRuns.Pass with
        {
            Outcome = Outcome.Fail,
            Reasons = [ReasonCode.TrailNoCloudWatchLogs],
            Evidence = new Evidence(["arn:aws:cloudtrail:us-east-1:111111111111:trail/management-events"], []),
        };

        ChainLinks.Of(finding).Single(link => link.State == LinkState.Broken).Kind.ShouldBe(LinkKind.LogGroup);
    }
}
