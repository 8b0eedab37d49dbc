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
    public void The_scan_policy_has_no_write()
    {
        var run = CliRun.Of("permissions");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("\"TocsinReadOnly\"");
        run.Out.ShouldNotContain("PutMetricFilter");
        run.Out.ShouldNotContain("iam:");
    }
}
