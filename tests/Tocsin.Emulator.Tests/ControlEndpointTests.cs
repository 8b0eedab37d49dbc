using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

public sealed class PendingSubscriptionFixture : EmulatorFixture
{
    protected override Scenario CreateScenario() => Scenario.Parse("""
        accounts:
          - id: "111111111111"
            tags: { env: prod }
            regions:
              us-east-1:
                topics:
                  - name: alarms
                    subscriptions: [{ endpoint: ops@example.com, confirmed: false }, { endpoint: done@example.com }]
        """, "pending.yaml");
}

/// <summary>The emulator's own control calls and readings, as tests and the CLI's demo use them.</summary>
public sealed class ControlEndpointTests(PendingSubscriptionFixture fixture) : IClassFixture<PendingSubscriptionFixture>
{
    [Fact]
    public async Task Pending_subscriptions_are_listed_over_http_with_camel_case_names_and_their_tokens()
    {
        var pending = fixture.Emulator.Control.PendingSubscriptions().ShouldHaveSingleItem();
        using var http = new HttpClient();

        var body = await http.GetStringAsync(new Uri(fixture.Emulator.Endpoint, "/_tocsin/subscriptions/pending"));

        body.ShouldBe($$"""[{"subscriptionArn":"{{pending.SubscriptionArn}}","topicArn":"arn:aws:sns:us-east-1:111111111111:alarms","protocol":"email","endpoint":"ops@example.com","token":"{{pending.Token}}"}]""");
    }

    [Fact]
    public void An_account_reads_as_its_membership_and_tags()
    {
        fixture.Emulator.Control.Resources()["111111111111/account"].ShouldBe("""{"IsOrganizationMember":false,"Tags":{"env":"prod"}}""");
    }
}
