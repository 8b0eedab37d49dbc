using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;

namespace Tocsin.Remediation.Tests;

/// <summary>One account and region scanned through an endpoint (the emulator or moto) for the seed control, planned and rendered as the CLI does.</summary>
public sealed record CliScriptScan(string AccountId, string KeyId, string Secret, string Region, Uri Endpoint)
{
    public static readonly Control Control = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    public async Task<(Finding Finding, RemediationPlan Plan)> ScanAndPlanAsync()
    {
        var collected = await new Collector(new CollectorOptions { Environment = _ => null, Delay = (_, _) => Task.CompletedTask }).CollectAsync(new CollectRequest
        {
            StartingCredentials = new BasicAWSCredentials(KeyId, Secret),
            Credentials = new Aws.Credentials.CredentialOptions(Region: Region),
            EndpointUrl = Endpoint,
            Regions = [Region],
            Controls = [Control],
        });
        collected.Summary.Failures.ShouldBe(0);
        var evaluated = new ChainEvaluator(EvaluationOptions.Default).Evaluate(collected.Inventory, [Control]);
        var plan = new Planner(EvaluationOptions.Default, new PlanOptions(Notify: new NotifyEndpoint("sqs", $"arn:aws:sqs:{Region}:{AccountId}:alarm-queue")))
            .Plan(collected.Inventory, evaluated, [Control]);
        return (evaluated.Findings.Single(), plan);
    }

    public static string Render(RemediationPlan plan, string format)
    {
        using var text = new StringWriter();
        PlanRenderers.Find(format)!.Write(plan, RenderOptions.Default, text);
        return text.ToString();
    }
}
