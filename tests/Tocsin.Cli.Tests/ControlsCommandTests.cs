using System.Text.Json;
using Tocsin.Cli;

namespace Tocsin.Cli.Tests;

public class ControlsCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = TocsinCommand.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Controls_lists_every_control_with_its_severity_and_aliases_as_a_table()
    {
        var (exitCode, output, _) = Run("controls");

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("ID");
        output.ShouldContain("ALIASES");
        output.ShouldContain("console-signin-without-mfa");
        output.ShouldContain("organizations-changes");
        output.ShouldContain("securityhub:CloudWatch.3");
        output.ShouldContain("high");
    }

    [Fact]
    public void Controls_as_json_gives_id_title_severity_and_aliases_of_each_control_in_catalog_order()
    {
        var (exitCode, output, _) = Run("controls", "--format", "json");

        exitCode.ShouldBe(ExitCodes.Ok);
        using var document = JsonDocument.Parse(output);
        var controls = document.RootElement.GetProperty("controls").EnumerateArray().ToList();
        controls.Count.ShouldBe(15);
        var seed = controls[0];
        seed.GetProperty("id").GetString().ShouldBe("console-signin-without-mfa");
        seed.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        seed.GetProperty("severity").GetString().ShouldBe("high");
        seed.GetProperty("aliases").EnumerateArray().Select(alias => alias.GetString())
            .ShouldContain("cis-aws-1.2:3.2");
    }

    [Fact]
    public void Controls_refuses_an_unknown_format_with_a_usage_error()
    {
        var (exitCode, _, error) = Run("controls", "--format", "yaml");

        exitCode.ShouldBe(ExitCodes.UsageError);
        error.ShouldContain("yaml");
    }
}
