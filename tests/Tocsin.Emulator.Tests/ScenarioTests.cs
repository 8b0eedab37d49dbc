using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

public sealed class ScenarioTests
{
    [Fact]
    public void The_default_scenario_is_one_account_with_the_testing_key()
    {
        var key = Scenario.Default().AccessKeys.ShouldHaveSingleItem();
        (key.Id, key.Secret, key.AccountId).ShouldBe(("testing", "testing", "123456789012"));
    }

    [Fact]
    public void The_demo_organization_has_a_management_account_and_eight_others()
    {
        var demo = Scenario.Builtin("demo-org");
        demo.ManagementAccountId.ShouldBe("111111111111");
        demo.AccountIds.Count.ShouldBe(9);
    }

    [Fact]
    public void An_unknown_built_in_name_lists_the_names_there_are()
    {
        Should.Throw<EmulatorInputException>(() => Scenario.Builtin("nope")).Message.ShouldContain("demo-org");
    }

    [Fact]
    public void An_alarm_action_naming_an_undeclared_topic_is_refused_with_its_place()
    {
        const string yaml = """
            accounts:
              - id: "123456789012"
                regions:
                  us-east-1:
                    alarms:
                      - name: a
                        metricName: m
                        namespace: n
                        actions: [missing-topic]
            """;
        Should.Throw<EmulatorInputException>(() => Scenario.Parse(yaml, "s.yaml")).Message
            .ShouldBe("s.yaml: accounts[0].regions.us-east-1.alarms[0].actions: no topic 'missing-topic' is declared in this region (give an ARN for other targets).");
    }

    [Fact]
    public void An_account_id_that_is_not_twelve_digits_is_refused()
    {
        Should.Throw<EmulatorInputException>(() => Scenario.Parse("accounts:\n  - id: \"12345\"\n", "s.yaml")).Message
            .ShouldBe("s.yaml: accounts[0].id: '12345' is not a 12-digit account id.");
    }

    [Fact]
    public void The_generator_makes_the_number_of_accounts_asked_for_with_one_key_each()
    {
        var scenario = ScenarioGenerator.Generate(250);
        scenario.AccountIds.Count.ShouldBe(250);
        scenario.AccessKeys.Select(key => key.Id).Distinct().Count().ShouldBe(250);
    }
}
