using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Tests;

/// <summary>
/// Plans built straight from steps whose names, patterns and endpoints carry shell and template syntax: a command
/// substitution, backticks, both quotes, <c>${x}</c>, <c>%{y}</c>, a backslash and a newline. Rendered, they must stay text.
/// </summary>
public static class CliScriptHostilePlan
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    /// <summary>Every character a careless renderer would let bash or Terraform act on.</summary>
    public const string Hostile = "a$(touch pwned)`touch pwned`'q\"${x}%{y}\\z\nline2";

    public static string Name(string what) => $"{what}-{Hostile}";

    private static string TopicArnOf(Func<string, string> v) => $"arn:aws:sns:{Region}:{Account}:{v("topic")}";

    public static string AlarmPattern => "{ ($.eventName = \"ConsoleLogin\") && ($.userIdentity.arn = \"" + Hostile + "\") }";

    /// <summary>One step of every kind.</summary>
    public static RemediationPlan EveryStep(bool forTerraform = false)
    {
        var v = Names(forTerraform);
        var topicArn = TopicArnOf(v);
        return Plan(
    [
        new CreateTrailBucket(v("bucket"), Policy("bucket")) { AccountId = Account, Region = Region, Reason = ReasonCode.NoTrail },
        new CreateLogDeliveryRole(v("role"), $"arn:aws:iam::{Account}:role/{v("role")}", Policy("trust"), v("role-policy"), Policy("role")) { AccountId = Account, Region = Region, Reason = ReasonCode.NoTrail },
        new CreateTrail(v("trail"), $"arn:aws:cloudtrail:{Region}:{Account}:trail/{v("trail")}", v("bucket"), $"arn:aws:logs:{Region}:{Account}:log-group:{v("group")}:*", $"arn:aws:iam::{Account}:role/{v("role")}") { AccountId = Account, Region = Region, Reason = ReasonCode.NoTrail },
        new StartLogging(v("old-trail"), $"arn:aws:cloudtrail:{Region}:{Account}:trail/{v("old-trail")}") { AccountId = Account, Region = Region, Reason = ReasonCode.TrailNotLogging },
        new MakeTrailMultiRegion(v("old-trail"), $"arn:aws:cloudtrail:{Region}:{Account}:trail/{v("old-trail")}") { AccountId = Account, Region = Region, Reason = ReasonCode.TrailNotMultiRegion },
        new RecordManagementEvents(v("old-trail"), $"arn:aws:cloudtrail:{Region}:{Account}:trail/{v("old-trail")}", null,
            [new AdvancedEventSelector(Name("selector"), [new AdvancedFieldSelector("eventCategory", ["Management"], [], [], [], [], []), new AdvancedFieldSelector("eventSource", [], [], [], [Hostile], [], [])])]) { AccountId = Account, Region = Region, Reason = ReasonCode.NoManagementEvents },
        new DeliverTrailToLogs(v("old-trail"), $"arn:aws:cloudtrail:{Region}:{Account}:trail/{v("old-trail")}", $"arn:aws:logs:{Region}:{Account}:log-group:{v("group")}:*", $"arn:aws:iam::{Account}:role/{v("role")}") { AccountId = Account, Region = Region, Reason = ReasonCode.TrailNoCloudWatchLogs },
        .. CreatesOnlySteps(v),
        new AllowCloudWatchToUseKey(Name("key"), topicArn, Policy("statement"), Policy("key")) { AccountId = Account, Region = Region, Reason = ReasonCode.TopicKeyDeniesCloudWatch },
        new EncryptTopicWithNewKey(topicArn, "alias/tocsin-alarms", Policy("new-key")) { AccountId = Account, Region = Region, Reason = ReasonCode.TopicKeyDeniesCloudWatch },
        new PutAlarm(Alarm(Name("old-alarm"), v), Exists: true, "console-signin-without-mfa") { AccountId = Account, Region = Region, Reason = ReasonCode.AlarmNoAction },
        new EnableAlarmActions(Name("other-alarm"), $"arn:aws:cloudwatch:{Region}:{Account}:alarm:{Name("other-alarm")}") { AccountId = Account, Region = Region, Reason = ReasonCode.AlarmActionsDisabled },
        new ManualStep(Name("confirm"), topicArn) { AccountId = Account, Region = Region, Reason = ReasonCode.NoConfirmedSubscription },
    ]);
    }

    /// <summary>
    /// The names Terraform's AWS provider checks against AWS's naming rules (log group, role, bucket, trail, topic,
    /// metric) stay plain for Terraform; the hostile text goes where the provider takes any text.
    /// </summary>
    private static Func<string, string> Names(bool forTerraform) => forTerraform ? what => $"{what}-plain" : Name;

    /// <summary>Only steps that make new things, so Terraform can plan them without reading anything that exists.</summary>
    public static RemediationPlan CreatesOnly(bool forTerraform = false) => Plan(CreatesOnlySteps(Names(forTerraform)));

    private static List<PlanStep> CreatesOnlySteps(Func<string, string> V)
    {
        var topicArn = TopicArnOf(V);
        return
    [
        new CreateLogGroup(V("group"), $"arn:aws:logs:{Region}:{Account}:log-group:{V("group")}") { AccountId = Account, Region = Region, Reason = ReasonCode.NoTrail },
        new PutMetricFilter("console-signin-without-mfa", V("group"), V("filter"), AlarmPattern, V("metric"), V("namespace"), Warning: Name("warning")) { AccountId = Account, Region = Region, Reason = ReasonCode.NoMetricFilter },
        new CreateTopic(V("topic"), topicArn) { AccountId = Account, Region = Region, Reason = ReasonCode.TopicMissing },
        new AllowCloudWatchToPublish(topicArn, Policy("statement"), Policy("topic")) { AccountId = Account, Region = Region, Reason = ReasonCode.TopicPolicyDeniesCloudWatch },
        new Subscribe(topicArn, "https", "https://example.com/" + Hostile) { AccountId = Account, Region = Region, Reason = ReasonCode.NoConfirmedSubscription },
        new PutAlarm(Alarm(Name("alarm"), V), Exists: false, "console-signin-without-mfa") { AccountId = Account, Region = Region, Reason = ReasonCode.NoAlarm },
    ];
    }

    public static AlarmSettings Alarm(string name, Func<string, string> V) => new(
        name, V("metric"), V("namespace"), "Sum", 300, 1, 1, 1, "GreaterThanOrEqualToThreshold", "notBreaching", true,
        [TopicArnOf(V)], [], [], [new AlarmDimension(Name("dimension"), Hostile)], Name("description"));

    /// <summary>A JSON policy document whose Sid carries the hostile text (escaped as JSON requires).</summary>
    public static string Policy(string what) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":{{System.Text.Json.JsonSerializer.Serialize(Name(what))}},"Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},"Action":"sns:Publish","Resource":"*"}]}""";

    private static RemediationPlan Plan(List<PlanStep> steps) => new(PlanOptions.Default, steps, [], [], []);
}
