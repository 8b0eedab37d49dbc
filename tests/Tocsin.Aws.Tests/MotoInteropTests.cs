using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;

namespace Tocsin.Aws.Tests;

/// <summary>
/// The chains of demo-org's standalone accounts, built with boto3 in moto, scanned through the endpoint override:
/// the verdicts must be those the same chains get on the emulator.
/// </summary>
public sealed class MotoInteropTests(MotoServer moto, CleanDemoOrgScan emulator) : IClassFixture<MotoServer>, IClassFixture<CleanDemoOrgScan>
{
    private async Task<Finding> ScanAsync(string variant)
    {
        RequiredTool.Moto();
        await moto.ResetAsync();
        await moto.BuildChainAsync(variant);
        var result = await DemoOrganization.Collector().CollectAsync(new CollectRequest
        {
            StartingCredentials = new BasicAWSCredentials("testing", "testing"),
            Credentials = new Credentials.CredentialOptions(Region: "us-east-1"),
            EndpointUrl = moto.Endpoint,
            Regions = ["us-east-1", "eu-west-1"],
        });
        result.Summary.Failures.ShouldBe(0);
        return new ChainEvaluator(EvaluationOptions.Default).Evaluate(result.Inventory, [ControlCatalog.Default.Find("console-signin-without-mfa")!]).Findings.Single();
    }

    [SkippableTheory]
    [InlineData("complete", "111111111111")]
    [InlineData("namespace-mismatch", "777777777777")]
    [InlineData("no-trail", "999999999999")]
    public async Task A_chain_built_in_moto_gets_the_verdict_the_same_chain_gets_on_the_emulator(string variant, string emulatorAccount)
    {
        var onMoto = await ScanAsync(variant);
        var onEmulator = emulator.FindingFor(emulatorAccount);
        (onMoto.Outcome, onMoto.Verdict, Codes(onMoto)).ShouldBe((onEmulator.Outcome, onEmulator.Verdict, Codes(onEmulator)), onMoto.Message);
    }

    [SkippableFact]
    public async Task A_complete_chain_built_in_moto_passes()
    {
        (await ScanAsync("complete")).Outcome.ShouldBe(Outcome.Pass);
    }

    private static string Codes(Finding finding) => string.Join(",", finding.Reasons.Select(r => r.ToCode()));
}
