using Tocsin.Core.Inventory;
using Tocsin.Iac.Terraform;

namespace Tocsin.Iac.Tests;

public sealed class TerraformReaderTests
{
    private static readonly IacSettings Settings = new();

    private static IacRead Read(params (string Path, string Text)[] files) => TerraformReader.Read(files, Settings);

    [Fact]
    public void Every_record_carries_the_file_and_line_of_its_resource()
    {
        var read = TerraformFixtures.Read("multi-file-module");

        (read.Trails.ShouldHaveSingleItem().Source!.File, read.Trails.ShouldHaveSingleItem().Source!.Line).ShouldBe(("main.tf", (int?)33));
        (read.LogGroups.ShouldHaveSingleItem().Source!.File, read.LogGroups.ShouldHaveSingleItem().Source!.Line).ShouldBe(("main.tf", (int?)27));
        read.MetricFilters.Select(f => f.Source!.ToString()).ShouldBe(["modules/cis-filters/main.tf:8", "modules/cis-filters/main.tf:8"]);
        read.Alarms.Select(a => a.Source!.ToString()).ShouldBe(["modules/cis-filters/main.tf:21", "modules/cis-filters/main.tf:21"]);
        (read.Topics.ShouldHaveSingleItem().Source!.File, read.Topics.ShouldHaveSingleItem().Source!.Line).ShouldBe(("notify.tf", (int?)2));
        read.Trails.Single().Source!.EndLine.ShouldBe(48);
    }

    [Fact]
    public void Module_inputs_and_tfvars_reach_the_module_s_resources()
    {
        var read = TerraformFixtures.Read("multi-file-module");

        read.MetricFilters.Select(f => f.LogGroupName).Distinct().ShouldBe(["acme-cloudtrail"]);
        read.Alarms.SelectMany(a => a.AlarmActions.Value).Distinct().ShouldBe(["arn:aws:sns:us-east-1:123456789012:acme-security-alarms"]);
        read.Trails.ShouldHaveSingleItem().CloudWatchLogsLogGroupArn.Value.ShouldBe("arn:aws:logs:us-east-1:123456789012:log-group:acme-cloudtrail:*");
    }

    [Fact]
    public void The_filter_s_metric_is_its_metric_transformation_never_its_name()
    {
        var filter = TerraformFixtures.Read("good").MetricFilters.ShouldHaveSingleItem();

        filter.Name.ShouldBe("console-signin-without-mfa");
        var metric = filter.Transformations.Value.ShouldHaveSingleItem();
        (metric.MetricNamespace, metric.MetricName, metric.MetricValue).ShouldBe(("CISBenchmark", "ConsoleSigninWithoutMfaCount", "1"));
    }

    [Fact]
    public void A_topic_without_a_policy_gets_the_default_policy_of_SNS()
    {
        var topic = TerraformFixtures.Read("good").Topics.ShouldHaveSingleItem();

        topic.Policy.Value.ShouldNotBeNull().ShouldContain("\"AWS:SourceOwner\":\"123456789012\"");
        topic.KmsMasterKeyId.Value.ShouldBeNull();
    }

    [Fact]
    public void Subscriptions_by_queue_are_confirmed_and_by_email_pending()
    {
        TerraformFixtures.Read("good").Topics.Single().Subscriptions.Value.ShouldHaveSingleItem().SubscriptionArn
            .ShouldBe("arn:aws:sns:us-east-1:123456789012:security-alarms:alarms_to_queue");
        TerraformFixtures.Read("no-confirmed-subscription").Topics.Single().Subscriptions.Value.ShouldHaveSingleItem().SubscriptionArn
            .ShouldBe(Subscription.PendingConfirmation);
    }

    [Fact]
    public void A_topic_an_alarm_names_by_arn_but_this_code_does_not_define_is_unresolved_not_missing()
    {
        var read = Read(("main.tf", """
            resource "aws_cloudwatch_metric_alarm" "a" {
              alarm_name          = "a"
              comparison_operator = "GreaterThanOrEqualToThreshold"
              evaluation_periods  = 1
              alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:elsewhere"]
            }
            """));

        var topic = read.Topics.ShouldHaveSingleItem();
        topic.Arn.ShouldBe("arn:aws:sns:us-east-1:123456789012:elsewhere");
        topic.Policy.Unknown.ShouldBe(new Unknown(UnknownReason.Unresolved, "arn:aws:sns:us-east-1:123456789012:elsewhere is defined outside this code"));
        topic.Subscriptions.IsKnown.ShouldBeFalse();
    }

    [Fact]
    public void A_value_from_a_data_source_is_unresolved_with_where_it_was_read()
    {
        var read = Read(("main.tf", """
            data "aws_caller_identity" "current" {}

            resource "aws_cloudtrail" "t" {
              name                       = "t"
              s3_bucket_name             = "b"
              cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:${data.aws_caller_identity.current.account_id}:log-group:g:*"
            }
            """));

        var arn = read.Trails.ShouldHaveSingleItem().CloudWatchLogsLogGroupArn;
        arn.Unknown.ShouldBe(new Unknown(UnknownReason.Unresolved, "data.aws_caller_identity.current.account_id is a data source, read only at plan time"));
        arn.Source.ShouldBe(Source.FromFile("main.tf", 6));
    }

    [Fact]
    public void A_trail_without_selectors_records_all_management_events_and_is_single_region_by_default()
    {
        var trail = Read(("main.tf", "resource \"aws_cloudtrail\" \"t\" {\n  name = \"t\"\n  s3_bucket_name = \"b\"\n}\n")).Trails.Single();

        trail.IsMultiRegion.Value.ShouldBeFalse();
        trail.IsLogging.Value.ShouldBeTrue();
        trail.EventSelectors.Value.ShouldBe([new EventSelector(ReadWriteType.All, true, [])]);
        trail.CloudWatchLogsLogGroupArn.Value.ShouldBeNull();
    }

    [Fact]
    public void Selectors_a_dynamic_block_generates_are_unresolved_not_the_default()
    {
        var trail = Read(("main.tf", """
            resource "aws_cloudtrail" "t" {
              name           = "t"
              s3_bucket_name = "b"

              dynamic "event_selector" {
                for_each = var.selectors
                content {
                  read_write_type = event_selector.value
                }
              }
            }
            """)).Trails.Single();

        trail.EventSelectors.Unknown.ShouldBe(new Unknown(UnknownReason.Unresolved, "aws_cloudtrail.t generates its event_selector blocks with a dynamic block, which is not expanded"));
    }

    [Fact]
    public void A_filter_whose_log_group_is_not_known_before_apply_is_a_problem()
    {
        var read = Read(("main.tf", """
            resource "aws_cloudwatch_log_metric_filter" "f" {
              name           = "f"
              log_group_name = var.group
              pattern        = "{ $.eventName = ConsoleLogin }"
              metric_transformation {
                name      = "m"
                namespace = "n"
                value     = "1"
              }
            }
            """));

        read.Problems.ShouldHaveSingleItem().ShouldBe(new IacProblem("main.tf", 3, 1,
            "aws_cloudwatch_log_metric_filter.f.log_group_name is not known before apply (var.group is not declared): the filter cannot be matched to a log group"));
    }

    [Fact]
    public void Count_makes_one_record_per_index_and_count_zero_none()
    {
        var read = Read(("main.tf", """
            resource "aws_cloudwatch_log_group" "g" {
              count = 2
              name  = "group-${count.index}"
            }

            resource "aws_sns_topic" "off" {
              count = 0
              name  = "off"
            }
            """));

        read.LogGroups.Select(g => g.Name).ShouldBe(["group-0", "group-1"]);
        read.Topics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("999999999999", "more instances than Tocsin reads of one resource (1000)")]
    [InlineData("-1", "not a whole number of instances")]
    [InlineData("1.5", "not a whole number of instances")]
    public void A_count_that_is_no_number_of_instances_Tocsin_reads_is_a_problem_not_a_long_wait(string count, string why)
    {
        var read = Read(("main.tf", $$"""
            resource "aws_cloudwatch_log_group" "g" {
              count = {{count}}
              name  = "group-${count.index}"
            }
            """));

        read.LogGroups.ShouldBeEmpty();
        read.Problems.ShouldHaveSingleItem().Message.ShouldBe($"aws_cloudwatch_log_group.g is not read: its count is {count}, {why}");
    }

    [Fact]
    public void A_count_that_depends_on_its_own_resource_is_a_problem_not_a_stack_overflow()
    {
        var read = Read(("main.tf", """
            locals {
              n = length(aws_cloudwatch_log_group.g.name)
            }
            resource "aws_cloudwatch_log_group" "g" {
              count = local.n
              name  = "group"
            }
            """));

        read.LogGroups.ShouldBeEmpty();
        read.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("aws_cloudwatch_log_group.g is not read: its count is not known before apply");
    }

    [Fact]
    public void A_file_that_does_not_parse_is_a_problem_and_the_other_files_are_still_read()
    {
        var read = Read(("broken.tf", "resource \"aws_sns_topic\" \"t\" {\n"), ("main.tf", "resource \"aws_cloudwatch_log_group\" \"g\" {\n  name = \"g\"\n}\n"));

        read.Problems.ShouldHaveSingleItem().ShouldBe(new IacProblem("broken.tf", 2, 1, "expected '}', found the end of the file"));
        read.LogGroups.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_registry_module_is_a_problem_naming_its_source()
    {
        var read = Read(("main.tf", "module \"cis\" {\n  source = \"terraform-aws-modules/cloudwatch/aws\"\n}\n"));

        read.Problems.ShouldHaveSingleItem().ShouldBe(new IacProblem("main.tf", 1, 1, "module cis is not read: only local sources (./ or ../) are followed, found \"terraform-aws-modules/cloudwatch/aws\""));
    }
}
