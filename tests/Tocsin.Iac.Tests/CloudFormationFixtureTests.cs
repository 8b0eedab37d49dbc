using System.Diagnostics;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Iac.Tests;

public sealed class CloudFormationFixtureTests
{
    /// <summary>The table of tests/fixtures/iac/cloudformation/README.md: fixture, account, outcome, reasons.</summary>
    public static TheoryData<string, string, string, string> Expected()
    {
        var data = new TheoryData<string, string, string, string>();
        var rows = File.ReadAllLines(Path.Combine(CloudFormationTemplates.Folder, "README.md"))
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| fixture", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray());
        foreach (var cells in rows)
        {
            data.Add(cells[1], cells[2], cells[3], cells[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_fixture_gets_the_outcome_and_reason_its_readme_row_names(string fixture, string account, string outcome, string reasons)
    {
        var settings = account.Length == 0 ? new IacSettings() : new IacSettings(account);
        var read = CloudFormationTemplates.Fixture(fixture, settings);

        var finding = CloudFormationTemplates.ConsoleSigninWithoutMfa(read, settings);

        read.Problems.ShouldBeEmpty();
        (finding.Outcome.ToString().ToLowerInvariant(), string.Join(",", finding.Reasons.Select(r => r.ToCode())))
            .ShouldBe((outcome, reasons), finding.Message);
    }

    [Fact]
    public void The_readme_table_covers_every_fixture_in_the_folder()
    {
        var listed = Expected().Select(row => (string)row[0]).ToHashSet();
        var files = Directory.GetFiles(CloudFormationTemplates.Folder).Select(Path.GetFileName).Where(name => name != "README.md");

        files.ShouldAllBe(name => listed.Contains(name!));
    }

    [Fact]
    public void Every_record_carries_the_file_and_line_of_its_resource()
    {
        var read = CloudFormationTemplates.Fixture("good.yaml");

        read.Trails.ShouldHaveSingleItem().Source!.ToString().ShouldBe("good.yaml:31");
        read.LogGroups.ShouldHaveSingleItem().Source!.ToString().ShouldBe("good.yaml:6");
        read.MetricFilters.ShouldHaveSingleItem().Source!.ToString().ShouldBe("good.yaml:40");
        read.Alarms.ShouldHaveSingleItem().Source!.ToString().ShouldBe("good.yaml:49");
        read.Topics.ShouldHaveSingleItem().Source!.ToString().ShouldBe("good.yaml:63");
    }

    [Fact]
    public void A_json_template_s_records_carry_their_lines_too()
    {
        var read = CloudFormationTemplates.Fixture("good-json.json");

        (read.Trails.ShouldHaveSingleItem().Source!.File, read.Trails.ShouldHaveSingleItem().Source!.Line).ShouldBe(("good-json.json", (int?)55));
        (read.Alarms.ShouldHaveSingleItem().Source!.File, read.Alarms.ShouldHaveSingleItem().Source!.Line).ShouldBe(("good-json.json", (int?)94));
    }

    [Fact]
    public void The_sound_template_spells_arns_with_the_account_and_region_it_is_deployed_to()
    {
        var read = CloudFormationTemplates.Fixture("good.yaml", new IacSettings("210987654321", "eu-west-1"));

        read.Trails.ShouldHaveSingleItem().Arn.ShouldBe("arn:aws:cloudtrail:eu-west-1:210987654321:trail/main-trail");
        read.Trails[0].CloudWatchLogsLogGroupArn.Value.ShouldBe("arn:aws:logs:eu-west-1:210987654321:log-group:cloudtrail-logs:*");
        read.Alarms.ShouldHaveSingleItem().AlarmActions.Value.ShouldBe(["arn:aws:sns:eu-west-1:210987654321:security-alerts"]);
        read.Topics.ShouldHaveSingleItem().Subscriptions.Value.ShouldHaveSingleItem().SubscriptionArn
            .ShouldBe("arn:aws:sns:eu-west-1:210987654321:security-alerts:AlertQueueSubscription");
    }

    [Fact]
    public void A_topic_defined_outside_the_templates_is_unknown_with_the_reason_not_missing()
    {
        var read = CloudFormationTemplates.Fixture("topic-outside-templates.yaml");

        var topic = read.Topics.ShouldHaveSingleItem();
        topic.Arn.ShouldBe("arn:aws:sns:us-east-1:123456789012:org-security-alerts");
        topic.Subscriptions.Unknown!.ToString().ShouldBe("unresolved: topic ARN arn:aws:sns:us-east-1:123456789012:org-security-alerts is defined outside these templates");
        topic.Policy.IsKnown.ShouldBeFalse();
    }

    [Fact]
    public void A_value_built_from_a_parameter_without_default_is_unknown_at_its_line()
    {
        var read = CloudFormationTemplates.Fixture("parameter-without-default.yaml");

        var actions = read.Alarms.ShouldHaveSingleItem().AlarmActions;
        actions.Unknown!.ToString().ShouldBe("unresolved: NoMfaSigninAlarm.AlarmActions: parameter AlertTopicName has no default: its value is given only at deployment");
        actions.Source!.ToString().ShouldBe("parameter-without-default.yaml:39");
    }

    [Fact]
    public void The_template_remediate_writes_passes_on_the_account_it_was_written_for()
    {
        var settings = new IacSettings("111111111111");
        var snapshot = Snapshot.Parse(File.ReadAllText(RepositoryFiles.Snapshot("no-trail")), "no-trail.json");
        var existing = snapshot.FindAccount("111111111111")!.FindRegion("us-east-1")!.Topics.Value;
        var read = CloudFormationTemplates.Fixture("remediate-no-trail.yaml", settings);
        var deployed = read with { Topics = [.. existing, .. read.Topics.Where(t => existing.All(e => e.Arn != t.Arn))] };

        var finding = CloudFormationTemplates.ConsoleSigninWithoutMfa(deployed, settings);

        finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
    }

    [Fact]
    public void A_filter_on_a_log_group_named_outside_the_templates_leaves_the_chain_undecided()
    {
        var good = File.ReadAllText(Path.Combine(CloudFormationTemplates.Folder, "good.yaml"));
        var imported = good.Replace("      LogGroupName: !Ref CloudTrailLogs", "      LogGroupName: !ImportValue shared-trail-logs", StringComparison.Ordinal);
        var read = CloudFormationTemplates.Inline(imported);

        var finding = CloudFormationTemplates.ConsoleSigninWithoutMfa(read);

        (finding.Outcome, finding.Reasons.ShouldHaveSingleItem()).ShouldBe((Outcome.Error, ReasonCode.Unresolved));
        finding.Message.ShouldContain("whether inline-NoMfaSigninFilter reads log group cloudtrail-logs is not known");
    }

    [Fact]
    public void A_trail_delivering_to_a_log_group_no_template_defines_leaves_the_chain_undecided()
    {
        var good = File.ReadAllText(Path.Combine(CloudFormationTemplates.Folder, "no-metric-filter.yaml"));
        var existing = good.Replace("      CloudWatchLogsLogGroupArn: !GetAtt CloudTrailLogs.Arn", "      CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:org-trail-logs:*", StringComparison.Ordinal);

        var finding = CloudFormationTemplates.ConsoleSigninWithoutMfa(CloudFormationTemplates.Inline(existing));

        (finding.Outcome, finding.Reasons.ShouldHaveSingleItem()).ShouldBe((Outcome.Error, ReasonCode.Unresolved));
        finding.Message.ShouldContain("log group org-trail-logs is defined outside these templates");
    }

    [SkippableFact]
    public void Every_fixture_passes_cfn_lint()
    {
        var cfnLint = RequiredTool.CfnLint();
        var templates = Directory.GetFiles(CloudFormationTemplates.Folder).Where(file => !file.EndsWith("README.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var start = new ProcessStartInfo(cfnLint, templates) { RedirectStandardOutput = true, RedirectStandardError = true };

        using var lint = Process.Start(start)!;
        var output = lint.StandardOutput.ReadToEndAsync();
        var errors = lint.StandardError.ReadToEnd();
        lint.WaitForExit();

        lint.ExitCode.ShouldBe(0, output.Result + errors);
    }
}
