namespace Tocsin.Emulator.Tests;

/// <summary>
/// Terraform's AWS provider (from the machine's local mirror, never downloaded) applies a small alerting chain
/// against the emulator, and a second plan finds nothing to change: the emulator reads back what it was given.
/// </summary>
public sealed class TerraformTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    /// <summary>Where the machine keeps the hashicorp/aws provider: terraform never downloads it here.</summary>
    public const string ProviderMirror = TerraformMirror.Folder;

    [SkippableFact]
    public async Task Terraform_applies_a_chain_and_then_plans_no_changes()
    {
        ExternalTool.Require("terraform");
        var work = Directory.CreateTempSubdirectory("tocsin-terraform-");
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Terraform", "main.tf"), Path.Combine(work.FullName, "main.tf"));
            var cliConfig = TerraformMirror.WriteCliConfig(work.FullName);
            var environment = fixture.Environment("testing", "testing");
            environment["TF_CLI_CONFIG_FILE"] = cliConfig;
            environment["TF_IN_AUTOMATION"] = "1";
            environment["CHECKPOINT_DISABLE"] = "1";
            var endpoint = $"endpoint={fixture.Emulator.Endpoint}";

            var init = await ExternalTool.RunAsync("terraform", ["init", "-input=false", "-no-color"], environment, work.FullName);
            init.ExitCode.ShouldBe(0, init.ToString());
            var apply = await ExternalTool.RunAsync("terraform", ["apply", "-auto-approve", "-input=false", "-no-color", "-var", endpoint], environment, work.FullName);
            apply.ExitCode.ShouldBe(0, apply.ToString());
            apply.Output.ShouldContain("Resources: 5 added");

            var plan = await ExternalTool.RunAsync("terraform", ["plan", "-detailed-exitcode", "-input=false", "-no-color", "-var", endpoint], environment, work.FullName);
            plan.ExitCode.ShouldBe(0, plan.ToString());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
