using System.Text.Json.Nodes;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;
using Tocsin.Remediation.Rendering;

namespace Tocsin.Remediation.Tests;

/// <summary>The terraform rendering is a configuration Terraform accepts, and holds every value exactly as the plan has it.</summary>
public sealed class TerraformRenderingTests
{
    [SkippableFact]
    public async Task Terraform_validates_the_rendering_of_every_step_kind_with_values_carrying_template_syntax()
    {
        using var workspace = new TerraformWorkspace(CliScriptScan.Render(CliScriptHostilePlan.EveryStep(forTerraform: true), "terraform"));
        var init = await workspace.RunAsync("init", "-input=false");
        init.ExitCode.ShouldBe(0, init.ToString());
        var validate = await workspace.RunAsync("validate");
        validate.ExitCode.ShouldBe(0, validate.ToString());
        validate.Output.ShouldContain("The configuration is valid");
    }

    [SkippableFact]
    public async Task Terraform_plans_values_carrying_template_syntax_exactly_as_given()
    {
        await using var emulator = await EmulatorHost.StartAsync(Scenario.Default(), faults: null, port: 0);
        using var workspace = new TerraformWorkspace(CliScriptScan.Render(CliScriptHostilePlan.CreatesOnly(forTerraform: true), "terraform"));
        workspace.PointProvidersAt(emulator.Endpoint, "testing", "testing", [HclText.ProviderAlias(CliScriptHostilePlan.Account, CliScriptHostilePlan.Region)]);
        (await workspace.RunAsync("init", "-input=false")).ExitCode.ShouldBe(0);
        var plan = await workspace.RunAsync("plan", "-input=false", "-out=plan.out");
        plan.ExitCode.ShouldBe(0, plan.ToString());
        var shown = await workspace.RunAsync("show", "-json", "plan.out");
        var after = JsonNode.Parse(shown.Output)!["resource_changes"]!.AsArray()
            .ToDictionary(r => r!["type"]!.GetValue<string>(), r => r!["change"]!["after"]!);

        after["aws_cloudwatch_log_metric_filter"]["pattern"]!.GetValue<string>().ShouldBe(CliScriptHostilePlan.AlarmPattern);
        JsonNode.Parse(after["aws_sns_topic_policy"]["policy"]!.GetValue<string>())!["Statement"]![0]!["Sid"]!.GetValue<string>().ShouldBe(CliScriptHostilePlan.Name("topic"));
        after["aws_sns_topic_subscription"]["endpoint"]!.GetValue<string>().ShouldBe("https://example.com/" + CliScriptHostilePlan.Hostile);
        after["aws_cloudwatch_metric_alarm"]["alarm_name"]!.GetValue<string>().ShouldBe(CliScriptHostilePlan.Name("alarm"));
        after["aws_cloudwatch_metric_alarm"]["dimensions"]![CliScriptHostilePlan.Name("dimension")]!.GetValue<string>().ShouldBe(CliScriptHostilePlan.Hostile);
        after["aws_cloudwatch_metric_alarm"]["alarm_description"]!.GetValue<string>().ShouldBe(CliScriptHostilePlan.Name("description"));
    }
}
