using System.Text.Json.Nodes;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Tests;

public sealed class PolicyDocumentsTests
{
    [Fact]
    public void A_statement_added_to_a_policy_with_one_statement_object_keeps_it_beside_the_new_one()
    {
        var merged = PolicyDocuments.WithStatement("""{"Version":"2012-10-17","Statement":{"Sid":"Mine","Effect":"Allow","Principal":"*","Action":"sns:Subscribe","Resource":"*"}}""",
            PolicyDocuments.TopicPublishStatement("arn:aws:sns:us-east-1:111111111111:t", "111111111111"), "{}");

        var statements = JsonNode.Parse(merged)!["Statement"]!.AsArray();
        statements.Select(s => s!["Sid"]!.GetValue<string>()).ShouldBe(["Mine", AllowCloudWatchToPublish.StatementId]);
    }

    [Fact]
    public void Adding_the_same_statement_twice_leaves_one_copy()
    {
        var statement = PolicyDocuments.KeyUseStatement();
        var once = PolicyDocuments.WithStatement(null, statement, PolicyDocuments.NewKeyPolicy("111111111111", "aws"));

        PolicyDocuments.WithStatement(once, statement, "{}").ShouldBe(once);
    }

    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    public void Arns_are_spelled_in_the_partition_of_their_region(string region, string partition) =>
        PolicyDocuments.PartitionOf(region).ShouldBe(partition);

    [Fact]
    public void The_delivery_role_may_write_only_the_trails_log_streams_and_an_organization_trails_too()
    {
        var policy = PolicyDocuments.LogDeliveryPolicy("aws", "us-east-1", "111111111111", "trail-logs", "o-abc123");

        policy.ShouldContain("arn:aws:logs:us-east-1:111111111111:log-group:trail-logs:log-stream:111111111111_CloudTrail_us-east-1*");
        policy.ShouldContain("log-stream:o-abc123_*");
        policy.ShouldNotContain("\"Resource\":\"*\"");
    }
}
