using System.Globalization;

namespace Tocsin.Emulator.Scenarios;

/// <summary>
/// Builds an organization of N accounts for benchmarks: account 1 is the management account; every account has
/// one key (<c>AKIAGEN{n:D13}</c>, secret <c>generated</c>) and, in each region given, a complete chain
/// (trail, log group, CIS filter, alarm, topic, confirmed subscription); every fifth account's subscription is pending.
/// <c>generated:N:every-reason</c> (<see cref="GenerateEveryReason"/>) breaks the chains instead, account after
/// account, in each of the ways <see cref="Breakages"/> lists, so a scan of it meets every fail reason.
/// </summary>
public static class ScenarioGenerator
{
    public const string Prefix = "generated:";

    public const string EveryReasonSuffix = ":every-reason";

    /// <summary>
    /// How the chain of account n is broken in <c>generated:N:every-reason</c>: breakage (n - 1) mod the count, each
    /// named by the fail reason a scan should give; the first leaves the chain complete.
    /// </summary>
    public static IReadOnlyList<string> Breakages { get; } =
    [
        "complete", "no-trail", "trail-not-multi-region", "trail-not-logging", "no-management-events", "trail-no-cloudwatch-logs",
        "no-metric-filter", "pattern-insufficient", "pattern-never-fires", "no-alarm", "alarm-metric-mismatch", "alarm-actions-disabled",
        "alarm-cannot-fire", "alarm-no-action", "topic-missing", "topic-policy-denies-cloudwatch", "no-confirmed-subscription",
    ];

    public static Scenario Generate(int accounts, IReadOnlyList<string>? regions = null) => Generate(accounts, regions, everyReason: false);

    /// <summary>As <see cref="Generate(int, IReadOnlyList{string}?)"/>, with account n's chains broken by <see cref="Breakages"/>[(n - 1) mod count].</summary>
    public static Scenario GenerateEveryReason(int accounts, IReadOnlyList<string>? regions = null) => Generate(accounts, regions, everyReason: true);

    private static Scenario Generate(int accounts, IReadOnlyList<string>? regions, bool everyReason)
    {
        if (accounts is < 1 or > 100_000)
        {
            throw new EmulatorInputException($"{Prefix}{accounts}: the generator makes between 1 and 100000 accounts.");
        }

        regions ??= ["us-east-1"];
        var file = new ScenarioFile
        {
            Organization = new ScenarioFile.OrganizationEntry { Id = "o-generated01", ManagementAccount = AccountId(1) },
            Regions = [.. regions],
        };
        for (var n = 1; n <= accounts; n++)
        {
            var entry = new ScenarioFile.AccountEntry
            {
                Id = AccountId(n),
                Name = $"account-{n}",
                AccessKeys = [new ScenarioFile.KeyEntry { Id = KeyId(n), Secret = "generated", User = "bench" }],
            };
            foreach (var region in regions)
            {
                entry.Regions[region] = everyReason
                    ? Broken(Chain(pending: false), Breakages[(n - 1) % Breakages.Count], entry.Id, region)
                    : Chain(pending: n % 5 == 0);
            }

            file.Accounts.Add(entry);
        }

        return Scenario.From(file, $"{Prefix}{accounts}{(everyReason ? EveryReasonSuffix : string.Empty)}");
    }

    public static string AccountId(int n) => (100_000_000_000L + n).ToString(CultureInfo.InvariantCulture);

    public static string KeyId(int n) => $"AKIAGEN{n.ToString("D13", CultureInfo.InvariantCulture)}";

    /// <summary>Reads <c>generated:N</c> or <c>generated:N:every-reason</c>; null when the text is not of that form.</summary>
    public static Scenario? FromName(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var everyReason = name.EndsWith(EveryReasonSuffix, StringComparison.Ordinal);
        var number = name[Prefix.Length..^(everyReason ? EveryReasonSuffix.Length : 0)];
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? Generate(count, null, everyReason)
            : throw new EmulatorInputException($"{name}: expected {Prefix}N or {Prefix}N{EveryReasonSuffix} with N a number of accounts.");
    }

    private static ScenarioFile.RegionEntry Broken(ScenarioFile.RegionEntry chain, string breakage, string account, string region)
    {
        var trail = chain.Trails[0];
        var filter = chain.LogGroups[0].MetricFilters[0];
        var alarm = chain.Alarms[0];
        var topic = chain.Topics[0];
        switch (breakage)
        {
            case "no-trail":
                chain.Trails.Clear();
                break;
            case "trail-not-multi-region":
                trail.MultiRegion = false;
                break;
            case "trail-not-logging":
                trail.Logging = false;
                break;
            case "no-management-events":
                trail.ManagementEvents = "none";
                break;
            case "trail-no-cloudwatch-logs":
                trail.LogGroup = null;
                break;
            case "no-metric-filter":
                chain.LogGroups[0].MetricFilters.Clear();
                break;
            case "pattern-insufficient":
                filter.Pattern = "{ ($.eventName = \"ConsoleLogin\") && ($.userIdentity.type = \"Root\") && ($.additionalEventData.MFAUsed != \"Yes\") }";
                break;
            case "pattern-never-fires":
                filter.Pattern = "{ ($.eventName = \"ConsoleLogin\") && ($.eventName = \"GetObject\") }";
                break;
            case "no-alarm":
                chain.Alarms.Clear();
                break;
            case "alarm-metric-mismatch":
                alarm.Namespace = "CloudTrailMetrics";
                break;
            case "alarm-actions-disabled":
                alarm.ActionsEnabled = false;
                break;
            case "alarm-cannot-fire":
                alarm.Threshold = 5;
                break;
            case "alarm-no-action":
                alarm.Actions.Clear();
                break;
            case "topic-missing":
                alarm.Actions = [$"arn:aws:sns:{region}:{account}:deleted-security-alarms"];
                break;
            case "topic-policy-denies-cloudwatch":
                topic.Policy = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"no-alarms","Effect":"Deny","Principal":{"Service":"cloudwatch.amazonaws.com"},"Action":"SNS:Publish","Resource":"arn:aws:sns:{{region}}:{{account}}:{{topic.Name}}"}]}""";
                break;
            case "no-confirmed-subscription":
                topic.Subscriptions[0].Confirmed = false;
                break;
            default:
                break;
        }

        return chain;
    }

    private static ScenarioFile.RegionEntry Chain(bool pending) => new()
    {
        Trails = [new ScenarioFile.TrailEntry { Name = "management-events", LogGroup = "cloudtrail" }],
        LogGroups =
        [
            new ScenarioFile.LogGroupEntry
            {
                Name = "cloudtrail",
                MetricFilters =
                [
                    new ScenarioFile.FilterEntry
                    {
                        Name = "console-signin-without-mfa",
                        Pattern = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }",
                        MetricName = "ConsoleSigninWithoutMFA",
                        Namespace = "CISBenchmark",
                    },
                ],
            },
        ],
        Alarms = [new ScenarioFile.AlarmEntry { Name = "console-signin-without-mfa", MetricName = "ConsoleSigninWithoutMFA", Namespace = "CISBenchmark", Actions = ["security-alarms"] }],
        Topics = [new ScenarioFile.TopicEntry { Name = "security-alarms", Subscriptions = [new ScenarioFile.SubscriptionEntry { Endpoint = "security@example.com", Confirmed = !pending }] }],
    };
}
