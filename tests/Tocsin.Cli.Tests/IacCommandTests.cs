using System.Text.Json;

namespace Tocsin.Cli.Tests;

public sealed class IacCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tocsin-iac-");

    public void Dispose()
    {
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private static string Fixture(string language, string name) => Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "iac", language, name);

    [Fact]
    public void A_template_with_a_broken_link_fails_with_its_reason_and_exit_1()
    {
        var run = CliRun.Of("iac", Fixture("cloudformation", "no-alarm.yaml"), "--controls", "console-signin-without-mfa", "--format", "json");

        run.ExitCode.ShouldBe(1, run.Error);
        var finding = JsonDocument.Parse(run.Out).RootElement.GetProperty("findings")[0];
        finding.GetProperty("outcome").GetString().ShouldBe("fail");
        finding.GetProperty("reasons")[0].GetString().ShouldBe("no-alarm");
    }

    [Fact]
    public void A_terraform_module_tree_is_one_chain_and_each_link_names_its_file_and_line()
    {
        var run = CliRun.Of("iac", Fixture("terraform", "multi-file-module"), "--controls", "console-signin-without-mfa", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Out + run.Error);
        var locations = JsonDocument.Parse(run.Out).RootElement.GetProperty("findings")[0].GetProperty("locations").EnumerateArray().ToList();
        locations.Select(l => Path.GetFileName(Path.GetDirectoryName(l.GetProperty("file").GetString()))).ShouldContain("cis-filters");
        locations.ShouldAllBe(l => l.GetProperty("startLine").GetInt32() > 0);
    }

    [Fact]
    public void A_template_s_links_are_located_from_the_line_naming_the_resource_to_its_last_line()
    {
        var run = CliRun.Of("iac", Fixture("cloudformation", "good.yaml"), "--controls", "console-signin-without-mfa", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Out + run.Error);
        var trail = JsonDocument.Parse(run.Out).RootElement.GetProperty("findings")[0].GetProperty("locations")[0];
        trail.GetProperty("link").GetString().ShouldBe("arn:aws:cloudtrail:us-east-1:123456789012:trail/main-trail");
        (trail.GetProperty("startLine").GetInt32(), trail.GetProperty("endLine").GetInt32()).ShouldBe((31, 39));
    }

    [Fact]
    public void A_repository_mixing_a_template_and_terraform_is_judged_as_one_account()
    {
        var trail = Path.Combine(_folder.FullName, "trail.yaml");
        File.Copy(Fixture("cloudformation", "no-metric-filter.yaml"), trail);

        var run = CliRun.Of("iac", trail, Fixture("terraform", "good"), "--controls", "console-signin-without-mfa");

        run.ExitCode.ShouldBe(0, run.Out + run.Error);
        run.Out.ShouldContain("1 account, 1 control: 1 pass");
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_listed_with_line_and_column_and_the_rest_is_still_checked()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "broken.yaml"), "Resources:\n  Topic: {Type: AWS::SNS::Topic\n");
        File.Copy(Fixture("cloudformation", "good.yaml"), Path.Combine(_folder.FullName, "good.yaml"));

        var run = CliRun.Of("iac", _folder.FullName, "--controls", "console-signin-without-mfa");

        run.ExitCode.ShouldBe(0, run.Out + run.Error);
        run.Error.ShouldContain("broken.yaml:3:1: not valid YAML or JSON");
        run.Out.ShouldContain("1 pass");
    }

    [Fact]
    public void Nothing_readable_exits_2_with_the_reason_and_no_stack_trace()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "broken.yaml"), "Resources:\n  Topic: {Type: AWS::SNS::Topic\n");

        var broken = CliRun.Of("iac", _folder.FullName);
        var missing = CliRun.Of("iac", Path.Combine(_folder.FullName, "no-such-folder"));

        broken.ExitCode.ShouldBe(2);
        broken.Error.ShouldContain("no file could be read");
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("no such file or directory");
        (broken.Error + missing.Error).ShouldNotContain("   at ");
    }

    [Fact]
    public void Code_without_a_trail_is_judged_from_the_log_group_a_team_names()
    {
        var without = CliRun.Of("iac", Fixture("cloudformation", "no-trail.yaml"), "--controls", "console-signin-without-mfa");
        var named = CliRun.Of("iac", Fixture("cloudformation", "no-trail.yaml"), "--controls", "console-signin-without-mfa", "--assume-trail-log-group", "cloudtrail-logs");

        without.ExitCode.ShouldBe(1);
        without.Out.ShouldContain("ERROR");
        without.Out.ShouldContain("outside");
        named.ExitCode.ShouldBe(0, named.Out);
        named.Out.ShouldContain("1 pass");
    }

    [Fact]
    public void The_SARIF_report_of_code_points_at_the_file_and_lines_of_the_deepest_link_and_fixes_by_editing_it()
    {
        var run = CliRun.Of("iac", Fixture("terraform", "no-alarm"), "--controls", "console-signin-without-mfa", "--format", "sarif");

        run.ExitCode.ShouldBe(1, run.Error);
        using var sarif = System.Text.Json.JsonDocument.Parse(run.Out);
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        sarifRun.GetProperty("automationDetails").GetProperty("id").GetString().ShouldBe("tocsin/iac/");
        var result = sarifRun.GetProperty("results").EnumerateArray().Single();
        result.GetProperty("ruleId").GetString().ShouldBe("console-signin-without-mfa");
        var place = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        place.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldEndWith("no-alarm/main.tf");
        place.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBeGreaterThan(1);
        var message = result.GetProperty("message").GetProperty("text").GetString()!;
        message.ShouldContain("create alarm");
        message.ShouldNotContain("tocsin remediate");
    }
}
