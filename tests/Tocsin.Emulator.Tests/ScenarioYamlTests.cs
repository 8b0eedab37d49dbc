using Tocsin.Emulator.Faults;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

/// <summary>What the YAML reader of scenario and fault files accepts and how it refuses the rest, word for word.</summary>
public sealed class ScenarioYamlTests
{
    private static string Refusal(string yaml) => Should.Throw<EmulatorInputException>(() => Scenario.Parse(yaml, "s.yaml")).Message;

    [Fact]
    public void An_unknown_key_in_an_account_is_refused_at_the_key()
    {
        Refusal("accounts:\n  - id: \"123456789012\"\n    nmae: x\n")
            .ShouldBe("s.yaml:3:5: Property 'nmae' not found on type 'Tocsin.Emulator.Scenarios.ScenarioFile+AccountEntry'.");
    }

    [Fact]
    public void A_key_in_another_case_than_camel_case_is_unknown()
    {
        Refusal("accounts:\n  - Id: \"123456789012\"\n")
            .ShouldBe("s.yaml:2:5: Property 'Id' not found on type 'Tocsin.Emulator.Scenarios.ScenarioFile+AccountEntry'.");
    }

    [Fact]
    public void A_word_where_a_boolean_is_expected_is_refused_at_the_value()
    {
        Refusal("accounts:\n  - id: \"123456789012\"\n    member: maybe\n")
            .ShouldBe("s.yaml:3:13: The value \"maybe\" is not a valid YAML Boolean");
    }

    [Fact]
    public void A_scalar_where_the_list_of_accounts_is_expected_is_refused_at_the_scalar()
    {
        Refusal("accounts: 5\n").ShouldBe(
            $"s.yaml:1:11: Invalid cast from 'System.String' to '{typeof(List<ScenarioFile.AccountEntry>).FullName}'.");
    }

    [Fact]
    public void A_scalar_where_an_account_is_expected_is_refused_at_the_scalar()
    {
        Refusal("accounts:\n  - a\n").ShouldBe("s.yaml:2:5: Invalid cast from 'System.String' to 'Tocsin.Emulator.Scenarios.ScenarioFile+AccountEntry'.");
    }

    [Fact]
    public void A_file_that_is_one_scalar_is_refused_with_its_position()
    {
        Refusal("hello\n").ShouldBe("s.yaml:1:1: Invalid cast from 'System.String' to 'Tocsin.Emulator.Scenarios.ScenarioFile'.");
    }

    [Fact]
    public void A_syntax_error_is_refused_at_its_position()
    {
        Refusal("accounts: [a\n").ShouldBe("s.yaml:2:1: While parsing a flow sequence, did not find expected ',' or ']'.");
    }

    [Fact]
    public void A_value_tagged_as_a_string_is_still_read_as_the_boolean_its_key_expects()
    {
        var scenario = Scenario.Parse("organization: { managementAccount: \"111111111111\" }\naccounts:\n  - id: \"111111111111\"\n  - id: \"222222222222\"\n    member: !!str false\n", "s.yaml");

        scenario.StandaloneAccountIds.ShouldBe(["222222222222"]);
    }

    [Fact]
    public void Advanced_event_selectors_keep_their_nested_maps_and_lists()
    {
        var file = Scenario.Parse("""
            accounts:
              - id: "123456789012"
                regions:
                  us-east-1:
                    trails:
                      - name: t
                        advancedEventSelectors: [ { Name: s3, FieldSelectors: [ { Field: eventCategory, Equals: [Data] } ] } ]
            """, "s.yaml").File;

        var selector = file.Accounts[0].Regions["us-east-1"].Trails[0].AdvancedEventSelectors.ShouldHaveSingleItem().ShouldBeAssignableTo<IDictionary<object, object>>()!;
        selector["Name"].ShouldBe("s3");
        selector["FieldSelectors"].ShouldBeAssignableTo<IList<object>>()!.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_fault_rate_that_is_not_a_number_is_refused_at_the_value()
    {
        Should.Throw<EmulatorInputException>(() => FaultPlan.Parse("rules:\n  - throttle: x\n", "f.yaml")).Message
            .ShouldBe("f.yaml:2:15: The input string 'x' was not in a correct format.");
    }

    [Fact]
    public void A_fault_rule_inherits_the_scope_keys_of_every_fault_entry()
    {
        var plan = FaultPlan.Parse("rules:\n  - { operation: GetTrailStatus, account: \"111111111111\", region: eu-west-1, throttle: 0.5 }\n", "f.yaml");

        plan.Rules.ShouldHaveSingleItem().Scope.ShouldBe(new FaultScope("GetTrailStatus", "111111111111", "eu-west-1"));
    }

    [Theory]
    [InlineData("accounts:\n", "s.yaml: accounts: a scenario needs at least one account.")]
    [InlineData("accounts:\n  - ~\n", "s.yaml: accounts[0].id: '' is not a 12-digit account id.")]
    [InlineData("accounts:\n  - id:\n", "s.yaml: accounts[0].id: '' is not a 12-digit account id.")]
    [InlineData("accounts:\n  - id: \"123456789012\"\n    accessKeys:\n      - id:\n        secret:\n", "s.yaml: accounts[0].accessKeys[0]: an access key needs an id and a secret.")]
    [InlineData("organization:\naccounts:\n  - id: \"123456789012\"\n", "s.yaml: organization.managementAccount: '' is not one of the scenario's accounts.")]
    public void A_key_or_entry_written_with_no_value_is_refused_for_what_it_lacks(string yaml, string refusal) =>
        Refusal(yaml).ShouldBe(refusal);

    [Fact]
    public void An_empty_region_or_list_of_a_region_is_one_with_nothing_in_it()
    {
        var scenario = Scenario.Parse("accounts:\n  - id: \"123456789012\"\n    regions:\n      us-east-1:\n      eu-west-1:\n        alarms:\n        trails:\n", "s.yaml");

        scenario.AccountIds.ShouldBe(["123456789012"]);
    }

    [Fact]
    public void An_empty_fault_rule_is_a_rule_over_every_call_that_injects_nothing()
    {
        var plan = FaultPlan.Parse("rules:\n  - ~\naccessDenied:\n", "f.yaml");

        plan.Rules.ShouldHaveSingleItem().Scope.ShouldBe(new FaultScope("*", "*", "*"));
        plan.AccessDenied.ShouldBeEmpty();
    }
}
