using Tocsin.Core.Evaluation;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Yaml;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rollout;

namespace Tocsin.Remediation.Tests;

public sealed class RolloutTests
{
    private static AccountPriorities Parse(string yaml) => AccountPriorities.Parse(new StringReader(yaml), "priority.yaml");

    [Fact]
    public void A_priority_file_ranks_listed_accounts_and_leaves_the_rest_last()
    {
        var priorities = Parse("""
            accounts:
              - account: "222222222222"
                priority: 1
                label: production
              - { account: "333333333333", priority: 5 }
            """);

        priorities.PriorityOf("222222222222").ShouldBe(1);
        priorities.LabelOf("222222222222").ShouldBe("production");
        priorities.PriorityOf("333333333333").ShouldBe(5);
        priorities.PriorityOf("444444444444").ShouldBe(AccountPriorities.Unranked);
    }

    [Theory]
    [InlineData("accounts:\n  - account: 2222\n    priority: 1\n", "priority.yaml:2:14: `2222` is not a 12-digit account id")]
    [InlineData("accounts:\n  - account: \"222222222222\"\n    priority: high\n", "priority.yaml:3:15: priority `high` is not a whole number of 0 or more")]
    [InlineData("accounts:\n  - account: \"222222222222\"\n    priority: 1\n    owner: me\n", "priority.yaml:4:5: unknown field `owner`")]
    [InlineData("accounts: [\n", "priority.yaml:2:1: not valid YAML")]
    [InlineData("", "priority.yaml:1:1: the file is empty")]
    public void A_bad_priority_file_is_refused_with_line_column_and_problem(string yaml, string message)
    {
        var error = Should.Throw<YamlFileException>(() => Parse(yaml));

        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public void Batches_go_in_priority_order_and_the_owner_of_an_organization_trail_goes_with_its_first_member()
    {
        var inventory = OrganizationWithTrailOff();
        var findings = new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, [FixturePlans.Seed]);
        var plan = FixturePlans.Plan(inventory, new PlanOptions(Notify: new NotifyEndpoint("email", "a@example.com")));
        var priorities = Parse("accounts:\n  - { account: \"333333333333\", priority: 1 }\n");

        var batches = RolloutBatches.Of(plan, findings, priorities, batchSize: 1);

        batches.ShouldHaveSingleItem().Accounts.ShouldBe(["111111111111"]);
        batches[0].Steps.ShouldHaveSingleItem().ShouldBeOfType<StartLogging>();
    }

    [Fact]
    public void The_closing_summary_names_what_was_fixed_what_still_fails_and_exceptions_that_run_out_soon()
    {
        var today = new DateOnly(2026, 12, 5);
        var soon = new ExceptionEntry("console-signin-without-mfa", ["222222222222"], null, null, "owner@example.com", "break-glass", today.AddDays(10), "exceptions.yaml", 3);
        var before = RunResult.Of([Finding("111111111111", Outcome.Fail), Finding("222222222222", Outcome.Fail), Finding("333333333333", Outcome.Fail)]);
        var after = RunResult.Of([Finding("111111111111", Outcome.Pass), Finding("222222222222", Outcome.Fail) with { SuppressedBy = soon }, Finding("333333333333", Outcome.Fail)]);

        var summary = RolloutSummary.Of(before, after, today);
        var text = new StringWriter();
        summary.Write(text, today);

        summary.Fixed.ShouldHaveSingleItem().AccountId.ShouldBe("111111111111");
        summary.StillFailing.ShouldHaveSingleItem().AccountId.ShouldBe("333333333333");
        summary.ExpiringSoon.ShouldHaveSingleItem().ShouldBe(soon);
        text.ToString().ShouldContain("222222222222 console-signin-without-mfa: owner owner@example.com, expires 2026-12-15 (10 days left): break-glass");
    }

    private static Finding Finding(string account, Outcome outcome) =>
        new("console-signin-without-mfa", account, "us-east-1", outcome, outcome == Outcome.Pass ? [] : [ReasonCode.NoAlarm], "m", Evidence.None);

    private static CloudInventory OrganizationWithTrailOff()
    {
        var inventory = FixturePlans.Load("org-trail-inherited");
        return inventory with
        {
            Accounts = [.. inventory.Accounts.Select(a => a with
            {
                Regions = Observed.Known<IReadOnlyList<Region>>([.. a.Regions.Value.Select(r => r with
                {
                    Trails = r.Trails.Select(trails => (IReadOnlyList<Trail>)[.. trails.Select(t => t with { IsLogging = Observed.Known(false) })]),
                })]),
            })],
        };
    }
}
