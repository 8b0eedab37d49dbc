using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;
using static Tocsin.Remediation.Tests.CloudFormationYaml;

using static Tocsin.Remediation.Tests.CloudFormationPlans;

namespace Tocsin.Remediation.Tests;

public sealed class CloudFormationRendererTests
{
    private static readonly CloudFormationRenderer Renderer = new();

    [SkippableFact]
    public void Every_template_rendered_from_every_fixture_plan_passes_cfn_lint()
    {
        var templates = new Dictionary<string, string>();
        foreach (var fixture in CloudFormationPlans.Fixtures())
        {
            var plan = CloudFormationPlans.FromFixture(fixture);
            var rendered = Split(CloudFormationPlans.Render(Renderer, plan));
            rendered.Count.ShouldBe(plan.Steps.Select(s => (s.AccountId, s.Region)).Distinct().Count(), fixture);
            for (var i = 0; i < rendered.Count; i++)
            {
                templates[$"{fixture}-{i + 1}"] = rendered[i];
            }
        }

        templates.Count.ShouldBeGreaterThan(20);
        CloudFormationLint.ShouldAllPass(templates);
    }

    [Fact]
    public void A_plan_with_nothing_to_change_renders_a_comment_and_no_template()
    {
        var output = CloudFormationPlans.Render(Renderer, CloudFormationPlans.Of());

        output.ShouldBe("# Nothing to deploy: no finding fails.\n");
    }

    [Fact]
    public void A_plan_for_two_accounts_renders_one_template_for_each_split_at_its_marker_line()
    {
        var plan = CloudFormationPlans.Of(
            new CreateTopic("alarms", "arn:aws:sns:us-east-1:111111111111:alarms") { AccountId = "111111111111", Region = "us-east-1", Reason = Why },
            new CreateTopic("alarms", "arn:aws:sns:eu-west-1:222222222222:alarms") { AccountId = "222222222222", Region = "eu-west-1", Reason = Why });

        var templates = Split(CloudFormationPlans.Render(Renderer, plan));

        templates.Count.ShouldBe(2);
        templates[0].ShouldStartWith("# tocsin-template account=111111111111 region=us-east-1\n");
        templates[1].ShouldStartWith("# tocsin-template account=222222222222 region=eu-west-1\n");
        templates.ShouldAllBe(t => OfType(t, "AWS::SNS::Topic").Count() == 1);
    }

    [Fact]
    public void A_new_trail_is_logging_multi_region_and_delivers_to_the_log_group_arn_of_the_same_template()
    {
        var output = CloudFormationPlans.Render(Renderer, CloudFormationPlans.FromFixture("no-trail"));

        var trail = Properties(OfType(output, "AWS::CloudTrail::Trail").Single());
        trail["IsLogging"].ShouldBe("true");
        trail["IsMultiRegionTrail"].ShouldBe("true");
        var logGroup = Resources(output).Single(r => (string)((Dictionary<object, object>)r.Value)["Type"] == "AWS::Logs::LogGroup").Key;
        var getAtt = (List<object>)((Dictionary<object, object>)trail["CloudWatchLogsLogGroupArn"])["Fn::GetAtt"];
        getAtt.ShouldBe([logGroup, "Arn"]);
    }

    [Fact]
    public void A_metric_filter_publishes_one_to_the_metric_its_alarm_watches()
    {
        var output = CloudFormationPlans.Render(Renderer, CloudFormationPlans.FromFixture("no-metric-filter"));

        var filters = OfType(output, "AWS::Logs::MetricFilter").Select(Properties).ToList();
        var alarms = OfType(output, "AWS::CloudWatch::Alarm").Select(Properties).ToList();
        filters.ShouldNotBeEmpty();
        foreach (var filter in filters)
        {
            var metric = (Dictionary<object, object>)((List<object>)filter["MetricTransformations"]).Single();
            metric["MetricValue"].ShouldBe("1");
            alarms.ShouldContain(a => (string)a["MetricName"] == (string)metric["MetricName"] && (string)a["Namespace"] == (string)metric["MetricNamespace"]);
        }
    }

    [Fact]
    public void An_existing_alarm_is_sent_back_whole_by_an_aws_cli_command_after_the_template_not_taken_over()
    {
        var output = CloudFormationPlans.Render(Renderer, CloudFormationPlans.FromFixture("alarm-no-action"));

        var update = CloudFormationPlans.FromFixture("alarm-no-action").Steps.OfType<PutAlarm>().Single(a => a.Exists);
        OfType(output, "AWS::CloudWatch::Alarm").ShouldNotContain(a => (string)Properties(a)["AlarmName"] == update.Settings.AlarmName);
        output.ShouldContain($"# aws cloudwatch put-metric-alarm --region {update.Region} --cli-input-json '{{\"AlarmName\":\"{update.Settings.AlarmName}\"");
    }

    [Fact]
    public void A_topic_policy_for_an_existing_topic_carries_the_whole_merged_policy()
    {
        var plan = CloudFormationPlans.FromFixture("topic-policy-denies-cloudwatch");
        var step = plan.Steps.OfType<AllowCloudWatchToPublish>().Single();

        var policy = Properties(OfType(CloudFormationPlans.Render(Renderer, plan), "AWS::SNS::TopicPolicy").Single());

        ((List<object>)policy["Topics"]).ShouldBe([step.TopicArn]);
        var statements = (List<object>)((Dictionary<object, object>)policy["PolicyDocument"])["Statement"];
        var expected = System.Text.Json.JsonDocument.Parse(step.Policy).RootElement.GetProperty("Statement").GetArrayLength();
        statements.Count.ShouldBe(expected);
    }
}
