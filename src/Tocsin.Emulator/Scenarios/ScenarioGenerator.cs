using System.Globalization;

namespace Tocsin.Emulator.Scenarios;

/// <summary>
/// Builds an organization of N accounts for benchmarks: account 1 is the management account; every account has
/// one key (<c>AKIAGEN{n:D13}</c>, secret <c>generated</c>) and, in each region given, a complete chain
/// (trail, log group, CIS filter, alarm, topic, confirmed subscription); every fifth account's subscription is pending.
/// </summary>
public static class ScenarioGenerator
{
    public const string Prefix = "generated:";

    public static Scenario Generate(int accounts, IReadOnlyList<string>? regions = null)
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
                entry.Regions[region] = Chain(pending: n % 5 == 0);
            }

            file.Accounts.Add(entry);
        }

        return Scenario.From(file, $"{Prefix}{accounts}");
    }

    public static string AccountId(int n) => (100_000_000_000L + n).ToString(CultureInfo.InvariantCulture);

    public static string KeyId(int n) => $"AKIAGEN{n.ToString("D13", CultureInfo.InvariantCulture)}";

    /// <summary>Reads <c>generated:N</c>; null when the text is not of that form.</summary>
    public static Scenario? FromName(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal)
            ? int.TryParse(name[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? Generate(count)
                : throw new EmulatorInputException($"{name}: expected {Prefix}N with N a number of accounts.")
            : null;

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
