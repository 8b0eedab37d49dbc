using Tocsin.Core.Inventory;
using Tocsin.Iac.Terraform;

namespace Tocsin.Iac.Tests;

public sealed class TerraformPlanReaderTests
{
    private static readonly IacSettings Settings = new();

    private static IacRead ReadFixturePlan() =>
        TerraformPlanReader.Read("plan.json", File.ReadAllText(Path.Combine(TerraformFixtures.Folder("plan-json"), "plan.json")), Settings);

    [Fact]
    public void The_plan_of_a_configuration_gives_the_finding_its_configuration_gives()
    {
        var fromPlan = TerraformFixtures.Evaluate(ReadFixturePlan(), Settings);
        var fromConfiguration = TerraformFixtures.Evaluate("plan-json");

        (fromPlan.Outcome, fromPlan.Reasons.Count, fromPlan.Message).ShouldBe((fromConfiguration.Outcome, fromConfiguration.Reasons.Count, fromConfiguration.Message));
        fromPlan.Evidence.Chain.ShouldBe(fromConfiguration.Evidence.Chain);
    }

    [Fact]
    public void Plan_records_carry_the_line_of_their_address_in_the_plan()
    {
        var text = File.ReadAllText(Path.Combine(TerraformFixtures.Folder("plan-json"), "plan.json"));
        var line = text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains("\"address\": \"aws_cloudtrail.main\"", StringComparison.Ordinal)).i + 1;

        ReadFixturePlan().Trails.ShouldHaveSingleItem().Source.ShouldBe(Source.FromFile("plan.json", line));
    }

    [Fact]
    public void A_configured_value_known_only_after_apply_is_unresolved()
    {
        var read = TerraformPlanReader.Read("plan.json", """
            {
              "planned_values": { "root_module": { "resources": [
                { "address": "aws_cloudtrail.t", "mode": "managed", "type": "aws_cloudtrail", "name": "t",
                  "values": { "name": "t", "is_multi_region_trail": true } }
              ] } },
              "resource_changes": [
                { "address": "aws_cloudtrail.t", "change": { "after_unknown": { "cloud_watch_logs_group_arn": true, "arn": true } } }
              ],
              "configuration": { "root_module": { "resources": [
                { "address": "aws_cloudtrail.t", "expressions": { "name": {}, "cloud_watch_logs_group_arn": {} } }
              ] } }
            }
            """, Settings);

        var trail = read.Trails.ShouldHaveSingleItem();
        trail.Arn.ShouldBe("arn:aws:cloudtrail:us-east-1:123456789012:trail/t");
        trail.CloudWatchLogsLogGroupArn.Unknown.ShouldBe(new Unknown(UnknownReason.Unresolved, "aws_cloudtrail.t.cloud_watch_logs_group_arn is known only after apply"));
        trail.Source.ShouldBe(Source.FromFile("plan.json", 3));
    }

    [Fact]
    public void Text_that_is_not_a_plan_is_a_problem()
    {
        TerraformPlanReader.Read("plan.json", "{ \"format_version\": \"1.2\" }", Settings).Problems.ShouldHaveSingleItem()
            .Message.ShouldBe("expected planned_values.root_module, found none: is this the output of terraform show -json on a plan?");
        TerraformPlanReader.Read("plan.json", "{\n  \"a\": ,\n}", Settings).Problems.ShouldHaveSingleItem().Line.ShouldBe(2);
    }
}
