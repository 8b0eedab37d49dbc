using Tocsin.Core.Controls;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Tests;

public sealed class PlannerTests
{
    private const string Account = "111111111111";
    private static readonly PlanOptions Email = new(Notify: new NotifyEndpoint("email", "security@example.com"));

    public static TheoryData<string, string, string> FailFixtures => new()
    {
        { "no-trail", "no-trail", "pass" },
        { "trail-not-multi-region", "trail-not-multi-region", "pass" },
        { "trail-not-logging", "trail-not-logging", "pass" },
        { "no-management-events-basic", "no-management-events", "pass" },
        { "no-management-events-advanced", "no-management-events", "pass" },
        { "trail-no-cloudwatch-logs", "trail-no-cloudwatch-logs", "pass" },
        { "no-metric-filter", "no-metric-filter", "pass" },
        { "pattern-insufficient", "pattern-insufficient", "pass" },
        { "pattern-never-fires", "pattern-never-fires", "pass" },
        { "no-alarm", "no-alarm", "pass" },
        { "alarm-metric-mismatch", "alarm-metric-mismatch", "pass" },
        { "alarm-actions-disabled", "alarm-actions-disabled", "pass" },
        { "alarm-cannot-fire-threshold", "alarm-cannot-fire", "pass" },
        { "alarm-cannot-fire-average", "alarm-cannot-fire", "pass" },
        { "alarm-no-action", "alarm-no-action", "pass" },
        { "topic-missing", "topic-missing", "awaits-confirmation" },
        { "topic-key-denies-cloudwatch", "topic-key-denies-cloudwatch", "pass" },
        { "no-confirmed-subscription", "no-confirmed-subscription", "awaits-confirmation" },
    };

    [Theory]
    [MemberData(nameof(FailFixtures))]
    public void A_plan_for_each_fail_reason_makes_the_finding_pass_or_wait_only_for_a_confirmation(string fixture, string reason, string after)
    {
        var plan = FixturePlans.Plan(fixture, Email);

        var fix = plan.Fixes.ShouldHaveSingleItem();
        fix.Reasons.ShouldBe([reason]);
        fix.After.ShouldBe(after);
        plan.Steps.ShouldNotBeEmpty();
        plan.Steps[0].Reason.ToCode().ShouldBe(reason);
    }

    [Theory]
    [MemberData(nameof(FailFixtures))]
    public void Doing_every_planned_step_leaves_no_broken_link_but_an_unconfirmed_subscription(string fixture, string reason, string after)
    {
        var inventory = FixturePlans.Load(fixture);
        var plan = FixturePlans.Plan(inventory, Email);

        var finding = FixturePlans.After(inventory, plan, Account);

        finding.Outcome.ShouldBe(after == "pass" ? Outcome.Pass : Outcome.Fail, $"{reason}: {finding.Message}");
        if (after != "pass")
        {
            finding.Reasons.ShouldBe([ReasonCode.NoConfirmedSubscription]);
        }
    }

    [Fact]
    public void A_passing_inventory_needs_no_step()
    {
        var plan = FixturePlans.Plan("good", Email);

        plan.Steps.ShouldBeEmpty();
        plan.Fixes.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_alarm_notifies_the_topic_that_already_has_a_confirmed_subscriber()
    {
        var plan = FixturePlans.Plan("no-alarm");

        var alarm = plan.Steps.ShouldHaveSingleItem().ShouldBeOfType<PutAlarm>();
        alarm.Exists.ShouldBeFalse();
        alarm.Settings.AlarmActions.ShouldBe(["arn:aws:sns:us-east-1:111111111111:security-alarms"]);
        alarm.Settings.MetricName.ShouldBe("ConsoleSigninWithoutMFA");
        alarm.Settings.Namespace.ShouldBe("CISBenchmark");
        (alarm.Settings.Statistic, alarm.Settings.Period, alarm.Settings.Threshold, alarm.Settings.ComparisonOperator, alarm.Settings.EvaluationPeriods, alarm.Settings.TreatMissingData)
            .ShouldBe(("Sum", 300, 1.0, "GreaterThanOrEqualToThreshold", 1, "notBreaching"));
    }

    [Fact]
    public void An_alarm_without_an_action_is_sent_back_whole_with_the_topic_added()
    {
        var inventory = FixturePlans.Load("alarm-no-action");
        var before = inventory.FindAccount(Account)!.FindRegion("us-east-1")!.Alarms.Value.ShouldHaveSingleItem();

        var alarm = FixturePlans.Plan(inventory).Steps.ShouldHaveSingleItem().ShouldBeOfType<PutAlarm>();

        alarm.Exists.ShouldBeTrue();
        alarm.Settings.AlarmName.ShouldBe(before.Name);
        alarm.Settings.OkActions.ShouldBe(before.OkActions.Value);
        alarm.Settings.Period.ShouldBe(before.Period.Value!.Value);
        alarm.Settings.AlarmActions.ShouldBe(["arn:aws:sns:us-east-1:111111111111:security-alarms"]);
    }

    [Fact]
    public void An_alarm_that_notifies_a_missing_topic_notifies_a_topic_with_a_subscriber_instead()
    {
        var alarm = FixturePlans.Plan("topic-missing", Email).Steps.OfType<PutAlarm>().ShouldHaveSingleItem();

        alarm.Settings.AlarmActions.ShouldHaveSingleItem().ShouldEndWith(":tocsin-cis-alarms");
    }

    [Fact]
    public void A_topic_policy_grant_keeps_every_statement_the_topic_already_had()
    {
        var inventory = FixturePlans.Load("good");
        var topic = inventory.FindAccount(Account)!.FindRegion("us-east-1")!.Topics.Value[0];
        var own = """{"Version":"2012-10-17","Statement":[{"Sid":"Audit","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sns:Subscribe","Resource":"*"}]}""";
        var denied = WithTopic(inventory, topic with { Policy = Observed.Known<string?>(own) });

        var grant = FixturePlans.Plan(denied).Steps.ShouldHaveSingleItem().ShouldBeOfType<AllowCloudWatchToPublish>();

        grant.Policy.ShouldContain("\"Sid\":\"Audit\"");
        grant.Policy.ShouldContain("\"Service\":\"cloudwatch.amazonaws.com\"");
        grant.Policy.ShouldContain("\"aws:SourceAccount\":\"111111111111\"");
        FixturePlans.After(denied, FixturePlans.Plan(denied), Account).Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void An_explicit_deny_in_a_topic_policy_is_left_to_a_person_and_the_finding_still_fails()
    {
        var plan = FixturePlans.Plan("topic-policy-denies-cloudwatch");

        plan.Steps.OfType<ManualStep>().ShouldHaveSingleItem().What.ShouldContain("denies cloudwatch.amazonaws.com");
        var fix = plan.Fixes.ShouldHaveSingleItem();
        fix.After.ShouldBe("still-fails");
        fix.Note!.ShouldContain("by hand");
    }

    [Fact]
    public void A_new_topic_without_a_recipient_asks_for_notify_instead_of_passing()
    {
        var inventory = FixturePlans.Load("no-alarm");
        var noTopics = WithRegion(inventory, region => region with { Topics = Observed.Known<IReadOnlyList<Topic>>([]) });

        var plan = FixturePlans.Plan(noTopics);

        plan.Steps.OfType<CreateTopic>().ShouldHaveSingleItem().TopicName.ShouldBe("tocsin-cis-alarms");
        plan.Steps.OfType<ManualStep>().ShouldHaveSingleItem().What.ShouldContain("--notify");
        plan.Fixes.ShouldHaveSingleItem().After.ShouldBe("still-fails");
    }

    [Fact]
    public void A_new_topic_lets_cloudwatch_publish_and_subscribes_the_notify_endpoint()
    {
        var inventory = WithRegion(FixturePlans.Load("no-alarm"), region => region with { Topics = Observed.Known<IReadOnlyList<Topic>>([]) });

        var plan = FixturePlans.Plan(inventory, new PlanOptions(Notify: new NotifyEndpoint("sqs", "arn:aws:sqs:us-east-1:111111111111:alerts")));

        plan.Steps.Select(s => s.GetType().Name).ShouldBe(["CreateTopic", "AllowCloudWatchToPublish", "Subscribe", "PutAlarm"]);
        plan.Fixes.ShouldHaveSingleItem().After.ShouldBe("pass");
    }

    [Fact]
    public void Controls_that_share_an_account_share_one_new_trail_and_one_topic()
    {
        var plan = FixturePlans.Plan("no-trail", Email, ControlCatalog.Default.All);

        plan.Steps.OfType<CreateTrail>().ShouldHaveSingleItem();
        plan.Steps.OfType<PutMetricFilter>().Count().ShouldBe(ControlCatalog.Default.All.Count);
        plan.Steps.OfType<PutAlarm>().Select(a => a.Settings.AlarmActions.Single()).Distinct().ShouldHaveSingleItem();
        plan.Fixes.ShouldAllBe(fix => fix.After == "pass");
    }

    [Fact]
    public void A_new_trail_is_created_before_it_is_started_and_its_log_group_and_role_before_the_trail()
    {
        var names = FixturePlans.Plan("no-trail", Email).Steps.Select(s => s.GetType().Name).ToList();

        names.IndexOf("CreateTrailBucket").ShouldBeLessThan(names.IndexOf("CreateTrail"));
        names.IndexOf("CreateLogGroup").ShouldBeLessThan(names.IndexOf("CreateTrail"));
        names.IndexOf("CreateLogDeliveryRole").ShouldBeLessThan(names.IndexOf("CreateTrail"));
        names.IndexOf("CreateTrail").ShouldBeLessThan(names.IndexOf("StartLogging"));
        names.IndexOf("PutMetricFilter").ShouldBeLessThan(names.IndexOf("PutAlarm"));
    }

    [Fact]
    public void An_organization_trail_is_mended_once_in_the_account_that_owns_it_and_every_member_passes()
    {
        var inventory = MapTrails(FixturePlans.Load("org-trail-inherited"), trail => trail with { IsLogging = Observed.Known(false) });

        var plan = FixturePlans.Plan(inventory, Email);

        var start = plan.Steps.ShouldHaveSingleItem().ShouldBeOfType<StartLogging>();
        start.AccountId.ShouldBe("111111111111");
        plan.Fixes.Count.ShouldBe(3);
        plan.Fixes.ShouldAllBe(fix => fix.After == "pass");
    }

    [Fact]
    public void A_variant_is_deployed_with_a_warning_that_names_what_it_drops_and_who_covers_it()
    {
        var plan = FixturePlans.Plan("no-metric-filter", Email with { Variant = "cis-strict" });

        var filter = plan.Steps.OfType<PutMetricFilter>().ShouldHaveSingleItem();
        filter.Pattern.ShouldBe(FixturePlans.Seed.AcceptedVariants.Single(v => v.Name == "cis-strict").Pattern);
        plan.Warnings.ShouldHaveSingleItem().ShouldContain("root-no-mfa is left to root-account-usage, which this plan does not check");
    }

    [Fact]
    public void Lists_a_live_scan_left_unread_because_no_chain_reached_them_hold_what_the_plan_creates()
    {
        var unread = WithRegion(FixturePlans.Load("trail-no-cloudwatch-logs"), region => region with
        {
            MetricFilters = Observed.Unknown<IReadOnlyList<MetricFilter>>(UnknownReason.NotCollected, "no trail delivers here"),
            Alarms = Observed.Unknown<IReadOnlyList<Alarm>>(UnknownReason.NotCollected, "no filter on a trail's log group"),
            Topics = Observed.Unknown<IReadOnlyList<Topic>>(UnknownReason.NotCollected, "no alarm notifies a topic"),
        });

        var plan = FixturePlans.Plan(unread, new PlanOptions(Notify: new NotifyEndpoint("sqs", "arn:aws:sqs:us-east-1:111111111111:alerts")));

        plan.Fixes.ShouldHaveSingleItem().After.ShouldBe("pass", plan.Fixes[0].Note);
        plan.Steps.OfType<CreateTopic>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Lists_that_could_not_be_read_stay_unknown_and_the_plan_says_the_outcome_cannot_be_decided()
    {
        var denied = WithRegion(FixturePlans.Load("no-metric-filter"), region => region with
        {
            Alarms = Observed.Unknown<IReadOnlyList<Alarm>>(UnknownReason.AccessDenied, "cloudwatch:DescribeAlarms"),
        });

        var fix = FixturePlans.Plan(denied, Email).Fixes.ShouldHaveSingleItem();

        fix.After.ShouldBe("still-fails");
        fix.Note!.ShouldContain("cannot be decided");
    }

    [Fact]
    public void Findings_that_could_not_be_decided_are_not_planned_and_say_why()
    {
        var plan = FixturePlans.Plan("access-denied-account", Email);

        plan.Steps.ShouldBeEmpty();
        plan.NotPlanned.ShouldHaveSingleItem().Why.ShouldContain("could not be decided");
    }

    private static CloudInventory WithTopic(CloudInventory inventory, Topic topic) =>
        WithRegion(inventory, region => region with { Topics = Observed.Known<IReadOnlyList<Topic>>([topic]) });

    private static CloudInventory WithRegion(CloudInventory inventory, Func<Region, Region> change) => inventory with
    {
        Accounts = [.. inventory.Accounts.Select(a => a.Id != Account ? a : a with
        {
            Regions = Observed.Known<IReadOnlyList<Region>>([.. a.Regions.Value.Select(r => r.Name == "us-east-1" ? change(r) : r)]),
        })],
    };

    private static CloudInventory MapTrails(CloudInventory inventory, Func<Trail, Trail> change) => inventory with
    {
        Accounts = [.. inventory.Accounts.Select(a => a with
        {
            Regions = Observed.Known<IReadOnlyList<Region>>([.. a.Regions.Value.Select(r => r with
            {
                Trails = r.Trails.Select(trails => (IReadOnlyList<Trail>)[.. trails.Select(change)]),
            })]),
        })],
    };
}
