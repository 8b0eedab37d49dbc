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
    public void A_scenario_key_printed_shows_its_id_and_never_its_secret()
    {
        var key = Scenario.Builtin("demo-org").AccessKeys[0];
        key.ToString().ShouldContain(key.Id);
        key.ToString().ShouldNotContain(key.Secret);
    }

    [Fact]
    public void The_demo_organization_has_a_management_account_and_nine_others()
    {
        var demo = Scenario.Builtin("demo-org");
        demo.ManagementAccountId.ShouldBe("111111111111");
        demo.AccountIds.Count.ShouldBe(10);
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
    public void A_topic_key_alias_in_the_aws_namespace_is_refused_with_its_place()
    {
        const string yaml = """
            accounts:
              - id: "123456789012"
                regions:
                  us-east-1:
                    topics:
                      - name: alarms
                        kmsKey: { alias: alias/aws/sns }
            """;
        Should.Throw<EmulatorInputException>(() => Scenario.Parse(yaml, "s.yaml")).Message
            .ShouldBe("s.yaml: accounts[0].regions.us-east-1.topics[0].kmsKey.alias: 'alias/aws/sns' must start with alias/ and not with alias/aws/ (AWS reserves those).");
    }

    [Fact]
    public void A_topic_key_policy_that_is_not_json_is_refused_with_its_place()
    {
        const string yaml = """
            accounts:
              - id: "123456789012"
                regions:
                  us-east-1:
                    topics:
                      - name: alarms
                        kmsKey: { policy: "allow cloudwatch" }
            """;
        Should.Throw<EmulatorInputException>(() => Scenario.Parse(yaml, "s.yaml")).Message
            .ShouldBe("s.yaml: accounts[0].regions.us-east-1.topics[0].kmsKey.policy: the key policy is not a JSON object.");
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
