namespace Tocsin.Emulator.Tests;

/// <summary>
/// Terraform's <c>aws_cloudwatch_event_rule</c> and <c>aws_cloudwatch_event_target</c> (provider from the machine's
/// local mirror) apply against the emulator, and a second plan finds nothing to change.
/// </summary>
public sealed class EventBridgeTerraformTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    [SkippableFact]
    public async Task Terraform_applies_an_EventBridge_rule_with_a_topic_target_and_then_plans_no_changes()
    {
        ExternalTool.Require("terraform");
        var work = Directory.CreateTempSubdirectory("tocsin-terraform-events-");
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Terraform", "eventbridge", "main.tf"), Path.Combine(work.FullName, "main.tf"));
            var environment = fixture.Environment("testing", "testing");
            environment["TF_CLI_CONFIG_FILE"] = TerraformMirror.WriteCliConfig(work.FullName);
            environment["TF_IN_AUTOMATION"] = "1";
            environment["CHECKPOINT_DISABLE"] = "1";
            var endpoint = $"endpoint={fixture.Emulator.Endpoint}";

            var init = await ExternalTool.RunAsync("terraform", ["init", "-input=false", "-no-color"], environment, work.FullName);
            init.ExitCode.ShouldBe(0, init.ToString());
            var apply = await ExternalTool.RunAsync("terraform", ["apply", "-auto-approve", "-input=false", "-no-color", "-var", endpoint], environment, work.FullName);
            apply.ExitCode.ShouldBe(0, apply.ToString());
            apply.Output.ShouldContain("Resources: 3 added");

            var plan = await ExternalTool.RunAsync("terraform", ["plan", "-detailed-exitcode", "-input=false", "-no-color", "-var", endpoint], environment, work.FullName);
            plan.ExitCode.ShouldBe(0, plan.ToString());

            var destroy = await ExternalTool.RunAsync("terraform", ["destroy", "-auto-approve", "-input=false", "-no-color", "-var", endpoint], environment, work.FullName);
            destroy.ExitCode.ShouldBe(0, destroy.ToString());
            destroy.Output.ShouldContain("Resources: 3 destroyed");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
