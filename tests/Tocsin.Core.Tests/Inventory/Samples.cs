using Tocsin.Core.Inventory;

namespace Tocsin.Core.Tests.Inventory;

/// <summary>
/// Complete, healthy inventory records for tests: each sample is one link of the seed control's chain in
/// account 111111111111, us-east-1. A test breaks exactly the link it is about with a <c>with</c> expression.
/// </summary>
public static class Samples
{
    public const string AccountId = "111111111111";
    public const string RegionName = "us-east-1";
    public const string LogGroupName = "aws-cloudtrail-logs";
    public const string TopicArn = "arn:aws:sns:us-east-1:111111111111:security-alarms";
    public const string CisPattern = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }";

    public static Observed<IReadOnlyList<T>> List<T>(params T[] items) => Observed<IReadOnlyList<T>>.Known(items);

    public static Observed<IReadOnlyList<T>> Denied<T>(string detail) =>
        Observed<IReadOnlyList<T>>.NotKnown(UnknownReason.AccessDenied, detail);

    public static Trail Trail(string owner = AccountId, string name = "management-events") => new(
        Arn: $"arn:aws:cloudtrail:{RegionName}:{owner}:trail/{name}",
        Name: name,
        HomeRegion: RegionName,
        OwnerAccountId: owner,
        IsMultiRegion: true,
        IsOrganizationTrail: false,
        IsLogging: true,
        LatestDeliveryError: Observed<string?>.Known(null),
        LatestCloudWatchLogsDeliveryTime: Observed<DateTimeOffset?>.Known(new DateTimeOffset(2026, 11, 26, 21, 40, 12, TimeSpan.Zero)),
        LatestCloudWatchLogsDeliveryError: Observed<string?>.Known(null),
        EventSelectors: List(new EventSelector(ReadWriteType.All, true, [])),
        AdvancedEventSelectors: List<AdvancedEventSelector>(),
        CloudWatchLogsLogGroupArn: Observed<string?>.Known($"arn:aws:logs:{RegionName}:{owner}:log-group:{LogGroupName}:*"),
        CloudWatchLogsRoleArn: Observed<string?>.Known($"arn:aws:iam::{owner}:role/CloudTrail-CloudWatchLogs"));

    public static LogGroup LogGroup(string account = AccountId) =>
        new($"arn:aws:logs:{RegionName}:{account}:log-group:{LogGroupName}", LogGroupName);

    public static MetricFilter MetricFilter(string pattern = CisPattern) => new(
        LogGroupName,
        "console-signin-without-mfa",
        pattern,
        List(new MetricTransformation("ConsoleSigninWithoutMFA", "CISBenchmark", "1", null, [])));

    public static Alarm Alarm(string account = AccountId) => new(
        Name: "console-signin-without-mfa",
        Arn: $"arn:aws:cloudwatch:{RegionName}:{account}:alarm:console-signin-without-mfa",
        MetricName: Observed<string?>.Known("ConsoleSigninWithoutMFA"),
        Namespace: Observed<string?>.Known("CISBenchmark"),
        Dimensions: List<Dimension>(),
        Statistic: Observed<Statistic?>.Known(Statistic.Sum),
        ExtendedStatistic: Observed<string?>.Known(null),
        Metrics: List<MetricDataQuery>(),
        Period: Observed<int?>.Known(300),
        EvaluationPeriods: 1,
        DatapointsToAlarm: Observed<int?>.Known(1),
        Threshold: Observed<double?>.Known(1),
        ComparisonOperator: AlarmComparisonOperator.GreaterThanOrEqualToThreshold,
        TreatMissingData: Observed<string?>.Known("notBreaching"),
        ActionsEnabled: true,
        AlarmActions: List(TopicArn),
        OkActions: List<string>(),
        InsufficientDataActions: List<string>());

    public static Topic Topic() => new(
        TopicArn,
        Observed<string?>.Known(
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},"Action":"sns:Publish","Resource":"{{TopicArn}}"}]}"""),
        Observed<string?>.Known(null),
        List(new Subscription($"{TopicArn}:5f0c8a4e-2b7d-4c1e-9a3f-0d6e8b1c2a47", "email", Observed<string?>.Known("security@example.com"))));

    public static Region Region() => new(
        RegionName,
        List(Trail()),
        List(LogGroup()),
        List(MetricFilter()),
        List(Alarm()),
        List(Topic()));

    public static Account Account(string id = AccountId) => new(id, "security-tooling", List(Region()));

    public static CloudInventory Inventory() => new(null, [Account()]);
}
