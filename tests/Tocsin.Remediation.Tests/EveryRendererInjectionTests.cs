using System.Diagnostics;
using System.Text.Json;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;
using static Tocsin.Remediation.Tests.CloudFormationInjectionTests;

namespace Tocsin.Remediation.Tests;

/// <summary>
/// Every format the command offers gets a plan whose names, patterns and notify endpoint carry shell, YAML, JSON and
/// HCL syntax, and its output still parses in its own language with nothing injected. A format added without a check
/// here fails the first test. (Each format's own tests check the values arrive byte for byte.)
/// </summary>
public sealed class EveryRendererInjectionTests
{
    private static readonly Dictionary<string, Action<string>> Checks = new()
    {
        ["text"] = _ => { },
        ["json"] = output => JsonDocument.Parse(output).RootElement.GetProperty("steps").GetArrayLength().ShouldBeGreaterThan(0),
        ["scp"] = output => JsonDocument.Parse(output).RootElement.GetProperty("Statement").EnumerateArray()
            .ShouldAllBe(statement => statement.GetProperty("Effect").GetString() == "Deny"),
        ["cloudformation"] = output => CloudFormationYaml.Split(output).ShouldAllBe(template => TopLevelKeysAreCloudFormations(template)),
        ["stackset"] = output => TopLevelKeysAreCloudFormations(output).ShouldBeTrue(),
        ["conformance-pack"] = output => TopLevelKeysAreCloudFormations(output).ShouldBeTrue(),
        ["cli"] = BashAcceptsIt,
        // terraform validate and plan read these values back in TerraformRenderingTests; here: no raw line break escaped the quotes.
        ["terraform"] = output => output.ShouldNotContain("\nKey: injected"),
    };

    public static TheoryData<string> Formats() => [.. PlanRenderers.Formats];

    [Fact]
    public void Every_format_the_command_offers_has_an_injection_check()
    {
        PlanRenderers.Formats.Order().ShouldBe(Checks.Keys.Order());
    }

    [SkippableTheory]
    [MemberData(nameof(Formats))]
    public void Hostile_values_leave_each_format_parseable_in_its_own_language(string format)
    {
        var plan = HostilePlan() with { Options = new PlanOptions(Notify: new NotifyEndpoint("email", Hostile)) };

        var output = CloudFormationPlans.Render(PlanRenderers.Find(format)!, plan, new RenderOptions("arn:aws:iam::111111111111:role/SecurityAdmin"));

        Checks[format](output);
    }

    /// <summary>The YAML loads and holds only a template's own top-level keys: no injected key broke out of a value.</summary>
    private static bool TopLevelKeysAreCloudFormations(string yaml) =>
        CloudFormationYaml.Load(yaml).Keys.Cast<string>().All(key => key is "AWSTemplateFormatVersion" or "Description" or "Parameters" or "Conditions" or "Resources" or "Outputs" or "Metadata");

    private static void BashAcceptsIt(string script)
    {
        var bash = RequiredTool.Program("bash", "apt-get install bash");
        var start = new ProcessStartInfo(bash, ["-n"]) { RedirectStandardInput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, error);
    }
}
