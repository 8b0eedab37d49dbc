namespace Tocsin.Cli.Tests;

public sealed class ScpFormatCommandTests
{
    [Fact]
    public void Remediate_as_an_scp_without_an_admin_role_exits_2_and_says_which_flag_is_missing()
    {
        var run = CliRun.Of("remediate", "--snapshot", RepositoryFiles.Snapshot("no-trail"), "--format", "scp");

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("--format scp needs --admin-role-arn");
    }

    [Fact]
    public void Remediate_as_an_scp_with_an_admin_role_prints_the_policy()
    {
        var run = CliRun.Of("remediate", "--snapshot", RepositoryFiles.Snapshot("no-trail"), "--format", "scp", "--admin-role-arn", "arn:aws:iam::*:role/SecurityAdmin");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldStartWith("{\"Version\":\"2012-10-17\",\"Statement\":[");
    }
}
