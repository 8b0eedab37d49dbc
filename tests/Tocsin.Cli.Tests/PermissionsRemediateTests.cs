namespace Tocsin.Cli.Tests;

public class PermissionsRemediateTests
{
    [Fact]
    public void The_remediate_policy_adds_the_writes_apply_makes_to_the_scan_reads()
    {
        var run = CliRun.Of("permissions", "--remediate");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("\"TocsinApplyRemediation\"");
        run.Out.ShouldContain("\"logs:PutMetricFilter\"");
        run.Out.ShouldContain("\"iam:PassRole\"");
        run.Out.ShouldContain("\"cloudtrail:DescribeTrails\"");
    }

    [Fact]
    public void The_remediate_policy_passes_only_the_delivery_role_and_only_to_cloudtrail()
    {
        var run = CliRun.Of("permissions", "--remediate");
        var json = run.Out[run.Out.IndexOf('{', StringComparison.Ordinal)..];

        using var policy = System.Text.Json.JsonDocument.Parse(json);
        var pass = policy.RootElement.GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Action").ToString() == "iam:PassRole");
        pass.GetProperty("Resource").GetString().ShouldBe("arn:aws:iam::*:role/TocsinCloudTrailToLogs");
        pass.GetProperty("Condition").GetProperty("StringEquals").GetProperty("iam:PassedToService").GetString().ShouldBe("cloudtrail.amazonaws.com");
        policy.RootElement.GetProperty("Statement")[0].GetProperty("Action").EnumerateArray().Select(a => a.GetString()).ShouldNotContain("iam:PassRole");
    }

    [Fact]
    public void The_scan_policy_has_no_write()
    {
        var run = CliRun.Of("permissions");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("\"TocsinReadOnly\"");
        run.Out.ShouldNotContain("PutMetricFilter");
        run.Out.ShouldNotContain("iam:");
    }
}
