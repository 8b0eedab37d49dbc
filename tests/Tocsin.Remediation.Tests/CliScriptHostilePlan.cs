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

    public static string TopicArn => $"arn:aws:sns:{Region}:{Account}:{Name("topic")}";

    public static string AlarmPattern => "{ ($.eventName = \"ConsoleLogin\") && ($.userIdentity.arn = \"" + Hostile + "\") }";

    /// <summary>One step of every kind.</summary>
    public static RemediationPlan EveryStep() => Plan(
    [
        new CreateTrailBucket(Name("bucket"), Policy("bucket")) { AccountId = Account, Region = Region, Reason = ReasonCode.NoTrail },
        new CreateLogDeliveryRole(Name("role"), $"arn:aws:iam::{Account}:role/{Name("role")}", Policy("trust"), Name("role-policy"), Policy("role")) { AccountId = Account, Region = Region, Reason = ReasonCode.NoTrail },
        new CreateTrail(Name("trail"), $"arn:aws:cloudtrail:{Region}:{Account}:trail/{Name("trail")}", Name("bucket"), $"arn:aws:logs:{Region}:{Account}:log-group:{Name("group")}:*", $"arn:aws:iam::{Account}:role/{Name("role")}") { AccountId = Account, Region = Region, Reason = ReasonCode.NoTrail },
        new StartLogging(Name("old-trail"), $"arn:aws:cloudtrail:{Region}:{Account}:trail/{Name("old-trail")}") { AccountId = Account, Region = Region, Reason = ReasonCode.TrailNotLogging },
        new MakeTrailMultiRegion(Name("old-trail"), $"arn:aws:cloudtrail:{Region}:{Account}:trail/{Name("old-trail")}") { AccountId = Account, Region = Region, Reason = ReasonCode.TrailNotMultiRegion },
        new RecordManagementEvents(Name("old-trail"), $"arn:aws:cloudtrail:{Region}:{Account}:trail/{Name("old-trail")}", null,
            [new AdvancedEventSelector(Name("selector"), [new AdvancedFieldSelector("eventCategory", ["Management"], [], [], [], [], []), new AdvancedFieldSelector("eventSource", [], [], [], [Hostile], [], [])])]) { AccountId = Account, Region = Region, Reason = ReasonCode.NoManagementEvents },
        new DeliverTrailToLogs(Name("old-trail"), $"arn:aws:cloudtrail:{Region}:{Account}:trail/{Name("old-trail")}", $"arn:aws:logs:{Region}:{Account}:log-group:{Name("group")}:*", $"arn:aws:iam::{Account}:role/{Name("role")}") { AccountId = Account, Region = Region, Reason = ReasonCode.TrailNoCloudWatchLogs },
        .. CreatesOnlySteps(),
        new AllowCloudWatchToUseKey(Name("key"), TopicArn, Policy("statement"), Policy("key")) { AccountId = Account, Region = Region, Reason = ReasonCode.TopicKeyDeniesCloudWatch },
        new EncryptTopicWithNewKey(TopicArn, "alias/tocsin-alarms", Policy("new-key")) { AccountId = Account, Region = Region, Reason = ReasonCode.TopicKeyDeniesCloudWatch },
        new PutAlarm(Alarm(Name("old-alarm")), Exists: true, "console-signin-without-mfa") { AccountId = Account, Region = Region, Reason = ReasonCode.AlarmNoAction },
        new EnableAlarmActions(Name("other-alarm"), $"arn:aws:cloudwatch:{Region}:{Account}:alarm:{Name("other-alarm")}") { AccountId = Account, Region = Region, Reason = ReasonCode.AlarmActionsDisabled },
        new ManualStep(Name("confirm"), TopicArn) { AccountId = Account, Region = Region, Reason = ReasonCode.NoConfirmedSubscription },
    ]);

    /// <summary>Only steps that make new things, so Terraform can plan them without reading anything that exists.</summary>
    public static RemediationPlan CreatesOnly() => Plan(CreatesOnlySteps());

    private static List<PlanStep> CreatesOnlySteps() =>
    [
        new CreateLogGroup(Name("group"), $"arn:aws:logs:{Region}:{Account}:log-group:{Name("group")}") { AccountId = Account, Region = Region, Reason = ReasonCode.NoTrail },
        new PutMetricFilter("console-signin-without-mfa", Name("group"), Name("filter"), AlarmPattern, Name("metric"), Name("namespace"), Warning: Name("warning")) { AccountId = Account, Region = Region, Reason = ReasonCode.NoMetricFilter },
        new CreateTopic(Name("topic"), TopicArn) { AccountId = Account, Region = Region, Reason = ReasonCode.TopicMissing },
        new AllowCloudWatchToPublish(TopicArn, Policy("statement"), Policy("topic")) { AccountId = Account, Region = Region, Reason = ReasonCode.TopicPolicyDeniesCloudWatch },
        new Subscribe(TopicArn, "https", "https://example.com/" + Hostile) { AccountId = Account, Region = Region, Reason = ReasonCode.NoConfirmedSubscription },
        new PutAlarm(Alarm(Name("alarm")), Exists: false, "console-signin-without-mfa") { AccountId = Account, Region = Region, Reason = ReasonCode.NoAlarm },
    ];

    public static AlarmSettings Alarm(string name) => new(
        name, Name("metric"), Name("namespace"), "Sum", 300, 1, 1, 1, "GreaterThanOrEqualToThreshold", "notBreaching", true,
        [TopicArn], [], [], [new AlarmDimension(Name("dimension"), Hostile)], Name("description"));

    /// <summary>A JSON policy document whose Sid carries the hostile text (escaped as JSON requires).</summary>
    public static string Policy(string what) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":{{System.Text.Json.JsonSerializer.Serialize(Name(what))}},"Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},"Action":"sns:Publish","Resource":"*"}]}""";

    private static RemediationPlan Plan(List<PlanStep> steps) => new(PlanOptions.Default, steps, [], [], []);
}
