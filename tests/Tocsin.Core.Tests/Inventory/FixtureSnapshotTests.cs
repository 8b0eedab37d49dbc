using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Core.Tests.Inventory;

public class FixtureSnapshotTests
{
    public static TheoryData<string> FixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Fixtures.Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_fixture_snapshot_loads_and_writes_back_the_same_json(string name)
    {
        var inventory = Fixtures.Load(name);

        Snapshot.ToJson(inventory).ShouldBe(File.ReadAllText(Fixtures.PathOf(name)));
    }

    [Fact]
    public void Every_reason_code_of_a_broken_link_has_a_fixture()
    {
        string[] linkCodes =
        [
            "no-trail", "trail-not-multi-region", "trail-not-logging", "no-management-events", "trail-no-cloudwatch-logs",
            "no-metric-filter", "pattern-insufficient", "pattern-never-fires", "pattern-unparseable", "no-alarm",
            "alarm-metric-mismatch", "alarm-actions-disabled", "alarm-cannot-fire", "alarm-no-action", "topic-missing",
            "topic-policy-denies-cloudwatch", "topic-key-denies-cloudwatch", "no-confirmed-subscription", "access-denied",
        ];
        var names = Fixtures.Names().ToList();

        linkCodes.Where(code => !names.Any(n => n == code || n.StartsWith(code + "-", StringComparison.Ordinal)))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Every_fixture_is_listed_in_the_fixtures_readme()
    {
        var readme = File.ReadAllText(Path.Combine(Fixtures.Folder, "..", "README.md"));

        Fixtures.Names().Where(name => !readme.Contains($"`{name}.json`", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void The_good_fixture_holds_the_whole_chain_in_us_east_1()
    {
        var region = Fixtures.Load("good").Accounts.Single().FindRegion("us-east-1")!;

        region.Trails.Value.Single().IsMultiRegion.Value.ShouldBeTrue();
        region.MetricFilters.Value.Single().Pattern.Value.ShouldContain("ConsoleLogin");
        region.Alarms.Value.Single().Statistic.Value.ShouldBe(Statistic.Sum);
        region.Topics.Value.Single().Subscriptions.Value.Single().IsConfirmed.ShouldBeTrue();
    }

    [Fact]
    public void An_account_that_could_not_be_read_keeps_the_reason_in_the_snapshot()
    {
        var account = Fixtures.Load("access-denied-account").Accounts.Single();

        account.Regions.IsKnown.ShouldBeFalse();
        account.Regions.Unknown!.Reason.ShouldBe(UnknownReason.AccessDenied);
        account.Regions.Unknown.Detail!.ShouldStartWith("sts:AssumeRole");
    }

    [Fact]
    public void A_pending_subscription_is_not_confirmed()
    {
        var topic = Fixtures.Load("no-confirmed-subscription").Accounts.Single().FindRegion("us-east-1")!.Topics.Value.Single();

        topic.Subscriptions.Value.Single().IsConfirmed.ShouldBeFalse();
    }
}
