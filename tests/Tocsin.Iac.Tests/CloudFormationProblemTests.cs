using Tocsin.Core.Inventory;

namespace Tocsin.Iac.Tests;

public sealed class CloudFormationProblemTests
{
    [Fact]
    public void An_unknown_intrinsic_is_a_problem_at_its_line_and_column_and_the_file_is_still_read()
    {
        var read = CloudFormationTemplates.Inline(CloudFormationTemplates.AlarmNamed("!Reff Metric"));

        read.Problems.ShouldHaveSingleItem().ToString().ShouldBe("inline.yaml:13:19: unknown intrinsic function !Reff: the value is left unresolved");
        var alarm = read.Alarms.ShouldHaveSingleItem();
        alarm.MetricName.Unknown.ShouldBe(new Unknown(UnknownReason.Unresolved, "Alarm.MetricName: !Reff is not a CloudFormation intrinsic function"));
        alarm.Namespace.Value.ShouldBe("CIS");
        read.LogGroups.ShouldHaveSingleItem().Name.ShouldBe("trail-logs");
    }

    [Fact]
    public void Invalid_yaml_is_a_problem_with_its_position_and_the_other_files_are_still_read()
    {
        var broken = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Logs: [unclosed\n";

        var read = CloudFormation.CloudFormationReader.Read(
            [("broken.yaml", broken), ("good.yaml", CloudFormationTemplates.AlarmNamed("m"))], new IacSettings());

        var problem = read.Problems.ShouldHaveSingleItem();
        (problem.File, problem.Line).ShouldBe(("broken.yaml", 4));
        problem.Message.ShouldStartWith("not valid YAML or JSON: ");
        read.Alarms.ShouldHaveSingleItem();
    }

    [Fact]
    public void Yaml_the_reader_cannot_scan_is_a_problem_with_a_position_not_an_exception()
    {
        // Found by fuzzing: YamlDotNet's scanner threw InvalidOperationException on this text.
        var read = CloudFormationTemplates.Inline("Resources:\n  [ {b}z\nd: e\n", "broken.yaml");

        var problem = read.Problems.ShouldHaveSingleItem();
        problem.File.ShouldBe("broken.yaml");
        problem.Line.ShouldBeGreaterThanOrEqualTo(1);
        problem.Message.ShouldStartWith("not valid YAML or JSON: ");
    }

    [Fact]
    public void A_template_nested_thousands_of_levels_deep_is_a_problem_not_a_long_wait()
    {
        var read = CloudFormationTemplates.Inline("Resources: " + string.Concat(Enumerable.Repeat("[", 16_000)), "deep.yaml");

        read.Problems.ShouldHaveSingleItem().Message.ShouldContain("nested more than");
    }

    [Fact]
    public void A_template_text_holding_half_a_surrogate_pair_is_a_problem_at_its_line_not_a_crash()
    {
        // A string handed to the reader, not a file: decoding a file never makes a lone surrogate.
        var template = CloudFormationTemplates.AlarmNamed("'Sign\uDC00In'");

        var problem = CloudFormationTemplates.Inline(template, "surrogate.yaml").Problems.ShouldHaveSingleItem();

        problem.Line.ShouldBe(template.Split('\n').ToList().FindIndex(line => line.Contains("MetricName", StringComparison.Ordinal)) + 1);
        problem.Message.ShouldContain("holds half of a UTF-16 surrogate pair");
    }

    [Fact]
    public void A_template_whose_aliases_repeat_billions_of_values_is_a_problem_not_a_long_wait()
    {
        var bomb = new System.Text.StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nl0: &l0 [a, a]\n");
        for (var level = 1; level <= 9; level++)
        {
            bomb.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]\n");
        }

        var read = CloudFormationTemplates.Inline(bomb.Append("Outputs: *l9\n").ToString(), "bomb.yaml");

        read.Problems.ShouldHaveSingleItem().Message.ShouldContain("the aliases repeat more than 100,000 values");
    }

    [Fact]
    public void Invalid_json_is_a_problem_not_an_exception()
    {
        var read = CloudFormationTemplates.Inline("{ \"Resources\": { \"Logs\": { \"Type\": \"AWS::Logs::LogGroup\", } ", "broken.json");

        read.Problems.ShouldHaveSingleItem().File.ShouldBe("broken.json");
        read.LogGroups.ShouldBeEmpty();
    }

    [Fact]
    public void A_yaml_file_that_is_not_a_template_is_skipped_silently()
    {
        var read = CloudFormationTemplates.Inline("name: build\non:\n  push: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n", ".github/workflows/ci.yaml");

        (read.Trails.Count, read.LogGroups.Count, read.MetricFilters.Count, read.Alarms.Count, read.Topics.Count, read.Problems.Count)
            .ShouldBe((0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void A_repository_is_one_inventory_whatever_file_each_link_is_in()
    {
        var good = File.ReadAllText(Path.Combine(CloudFormationTemplates.Folder, "good.yaml"));
        var topicAt = good.IndexOf("  SecurityAlerts:\n", StringComparison.Ordinal);
        var alerting = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n" + good[topicAt..];
        var logging = good[..topicAt].Replace("        - !Ref SecurityAlerts", "        - arn:aws:sns:us-east-1:123456789012:security-alerts", StringComparison.Ordinal);

        var read = CloudFormation.CloudFormationReader.Read([("logging.yaml", logging), ("alerting.yaml", alerting)], new IacSettings());

        CloudFormationTemplates.ConsoleSigninWithoutMfa(read).Outcome.ShouldBe(Core.Findings.Outcome.Pass);
        read.Topics.ShouldHaveSingleItem().Source!.File.ShouldBe("alerting.yaml");
    }

    [Fact]
    public void A_json_template_indented_with_tabs_is_read()
    {
        var json = "{\n\t\"Resources\": {\n\t\t\"Logs\": {\n\t\t\t\"Type\": \"AWS::Logs::LogGroup\",\n\t\t\t\"Properties\": { \"LogGroupName\": \"trail-logs\" }\n\t\t}\n\t}\n}\n";

        var read = CloudFormationTemplates.Inline(json, "tabs.json");

        read.Problems.ShouldBeEmpty();
        (read.LogGroups.ShouldHaveSingleItem().Source!.File, read.LogGroups.ShouldHaveSingleItem().Source!.Line).ShouldBe(("tabs.json", (int?)3));
    }

    [Fact]
    public void A_key_written_twice_is_a_problem_at_its_position()
    {
        var read = CloudFormationTemplates.Inline("Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n  Logs:\n    Type: AWS::Logs::LogGroup\n");

        var problem = read.Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Column).ShouldBe((4, 3));
        problem.Message.ShouldContain("Logs");
    }
}
