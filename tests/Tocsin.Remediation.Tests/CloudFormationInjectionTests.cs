using System.Text.Json;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;
using static Tocsin.Remediation.Tests.CloudFormationYaml;

using static Tocsin.Remediation.Tests.CloudFormationPlans;

namespace Tocsin.Remediation.Tests;

public sealed class CloudFormationInjectionTests
{
    public const string Hostile = "x$(touch pwned)`id` \"q\" 'single' back\\slash: # not a comment\nKey: injected\r\n- item\t{[}]&*!|>%@ é";

    private static AlarmSettings Alarm(string name, bool actions = true) => new(
        name, Hostile, Hostile, "Sum", 300, 1, null, 1, "GreaterThanOrEqualToThreshold", "notBreaching", actions,
        ["arn:aws:sns:us-east-1:111111111111:" + Hostile], [], [], [new AlarmDimension(Hostile, Hostile)], Hostile);

    internal static RemediationPlan HostilePlan() => CloudFormationPlans.Of(
        new CreateLogGroup(Hostile, "arn:aws:logs:us-east-1:111111111111:log-group:" + Hostile) { AccountId = Account, Region = Region, Reason = Why },
        new PutMetricFilter("control", Hostile, Hostile, Hostile, Hostile, Hostile) { AccountId = Account, Region = Region, Reason = Why },
        new Subscribe("arn:aws:sns:us-east-1:111111111111:" + Hostile, "email", Hostile) { AccountId = Account, Region = Region, Reason = Why },
        new PutAlarm(Alarm("new-" + Hostile), Exists: false, "control") { AccountId = Account, Region = Region, Reason = Why },
        new PutAlarm(Alarm("old-" + Hostile), Exists: true, "control") { AccountId = Account, Region = Region, Reason = Why },
        new EnableAlarmActions(Hostile, "arn:aws:cloudwatch:us-east-1:111111111111:alarm:" + Hostile) { AccountId = Account, Region = Region, Reason = Why },
        new ManualStep(Hostile) { AccountId = Account, Region = Region, Reason = Why });

    [Fact]
    public void Hostile_names_and_patterns_load_back_from_the_template_byte_for_byte()
    {
        var output = CloudFormationPlans.Render(new CloudFormationRenderer(), HostilePlan());

        var template = Load(output);
        template.Keys.ShouldBe(["AWSTemplateFormatVersion", "Description", "Resources"]);
        var filter = Properties(OfType(output, "AWS::Logs::MetricFilter").Single());
        filter["FilterName"].ShouldBe(Hostile);
        filter["FilterPattern"].ShouldBe(Hostile);
        var metric = (Dictionary<object, object>)((List<object>)filter["MetricTransformations"]).Single();
        metric["MetricName"].ShouldBe(Hostile);
        var alarm = Properties(OfType(output, "AWS::CloudWatch::Alarm").Single());
        alarm["AlarmName"].ShouldBe("new-" + Hostile);
        alarm["AlarmDescription"].ShouldBe(Hostile);
        ((List<object>)alarm["AlarmActions"]).ShouldBe(["arn:aws:sns:us-east-1:111111111111:" + Hostile]);
        var dimension = (Dictionary<object, object>)((List<object>)alarm["Dimensions"]).Single();
        dimension["Name"].ShouldBe(Hostile);
        Properties(OfType(output, "AWS::SNS::Subscription").Single())["Endpoint"].ShouldBe(Hostile);
    }

    [Fact]
    public void Hostile_names_in_the_commands_after_the_template_stay_inside_comments()
    {
        var output = CloudFormationPlans.Render(new CloudFormationRenderer(), HostilePlan());

        var afterResources = output[output.IndexOf("#\n", StringComparison.Ordinal)..];
        afterResources.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line.StartsWith('#'));
    }

    [Fact]
    public void A_shell_reads_hostile_names_in_the_commands_back_as_the_same_words_and_runs_nothing()
    {
        var output = CloudFormationPlans.Render(new CloudFormationRenderer(), HostilePlan());

        var enable = Command(output, "enable-alarm-actions", "--alarm-names ");
        ShellEcho(enable).ShouldBe(Hostile);
        var alarm = Command(output, "put-metric-alarm", "--cli-input-json ");
        JsonDocument.Parse(ShellEcho(alarm)).RootElement.GetProperty("AlarmName").GetString().ShouldBe("old-" + Hostile);
    }

    /// <summary>The quoted word after <paramref name="flag"/> on the comment line of the command.</summary>
    private static string Command(string output, string operation, string flag)
    {
        var line = output.Split('\n').Single(l => l.Contains(operation, StringComparison.Ordinal));
        return line[(line.IndexOf(flag, StringComparison.Ordinal) + flag.Length)..];
    }

    /// <summary>What bash makes of a quoted word, run in an empty folder that must stay empty.</summary>
    private static string ShellEcho(string word)
    {
        var folder = Directory.CreateTempSubdirectory("tocsin-shell-");
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, WorkingDirectory = folder.FullName };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("printf %s " + word);
            using var process = System.Diagnostics.Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            folder.GetFileSystemInfos().ShouldBeEmpty();
            return text;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
