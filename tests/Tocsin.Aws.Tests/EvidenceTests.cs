using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Aws.Tests;

/// <summary>
/// <c>--evidence minimal</c> reads an account only as far as its outcomes need; <c>--evidence full</c> reads every
/// candidate. Both must reach the same outcomes and reasons for every account and control.
/// </summary>
public sealed class EvidenceTests
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;
    private static readonly string[] TwoRegions = ["us-east-1", "us-west-2"];

    public static TheoryData<string> Judgings => ["semantic", "strict", "literal"];

    [Fact]
    public async Task A_compliant_two_region_account_costs_at_most_eight_calls_for_the_seed_control()
    {
        var minimal = await CollectGeneratedAsync(EvidenceScope.Minimal);

        var compliant = minimal.Summary.Accounts.Single(a => a.AccountId == ScenarioGenerator.AccountId(2));
        compliant.Calls.ShouldBeLessThanOrEqualTo(8);
        compliant.ByAction.ShouldNotContainKey("ec2:DescribeRegions");
        compliant.ByAction["cloudtrail:DescribeTrails"].ShouldBe(1);
    }

    [Fact]
    public async Task Full_evidence_reads_both_regions_of_a_compliant_account_as_before()
    {
        var full = await CollectGeneratedAsync(EvidenceScope.Full);

        var compliant = full.Summary.Accounts.Single(a => a.AccountId == ScenarioGenerator.AccountId(2));
        compliant.Calls.ShouldBe(16);
        compliant.ByAction["cloudtrail:DescribeTrails"].ShouldBe(2);
    }

    [Fact]
    public async Task An_account_whose_chain_fails_still_reads_every_region_and_no_call_twice()
    {
        var minimal = await CollectGeneratedAsync(EvidenceScope.Minimal);
        var full = await CollectGeneratedAsync(EvidenceScope.Full);

        // Every fifth generated account's subscription is pending, in both regions.
        var pending = ScenarioGenerator.AccountId(5);
        var calls = minimal.Summary.Accounts.Single(a => a.AccountId == pending).ByAction;
        calls["ec2:DescribeRegions"].ShouldBe(1);
        calls["cloudtrail:DescribeTrails"].ShouldBe(2);
        calls.ShouldBe(full.Summary.Accounts.Single(a => a.AccountId == pending).ByAction);
        minimal.Inventory.FindAccount(pending)!.Regions.Value.Select(r => r.Name).ShouldBe(TwoRegions);
    }

    [Fact]
    public async Task A_member_of_a_passing_organization_trail_costs_two_calls()
    {
        await using var emulator = await EmulatorHost.StartAsync(DemoOrganization.Scenario, faults: null, port: 0);
        var result = await DemoOrganization.Collector().CollectAsync(DemoOrganization.Request(emulator) with { Evidence = EvidenceScope.Minimal, Controls = [Seed] });

        result.Summary.Accounts.Single(a => a.AccountId == "222222222222").ByAction.Keys.ShouldBe(["cloudtrail:DescribeTrails", "sts:AssumeRole"]);
    }

    [Fact]
    public async Task A_chain_found_in_the_second_candidate_stops_before_listing_other_regions()
    {
        var minimal = await CollectEveryReasonAsync(EvidenceScope.Minimal, [Seed], EvaluationOptions.Default);

        var calls = minimal.Summary.Accounts.Single(a => a.AccountId == "300000000003").ByAction;
        calls.ShouldNotContainKey("ec2:DescribeRegions");
        calls["cloudtrail:GetTrailStatus"].ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Judgings))]
    public async Task Every_account_of_the_demo_organization_gets_the_same_outcomes_and_reasons_with_minimal_and_full_evidence(string judging)
    {
        await using var fullEmulator = await EmulatorHost.StartAsync(DemoOrganization.Scenario, faults: null, port: 0);
        await using var minimalEmulator = await EmulatorHost.StartAsync(DemoOrganization.Scenario, faults: null, port: 0);
        var options = Options(judging);
        foreach (var controls in ControlSets)
        {
            var full = await DemoOrganization.Collector().CollectAsync(DemoOrganization.Request(fullEmulator) with { Evidence = EvidenceScope.Full, Controls = controls, Judging = options });
            var minimal = await DemoOrganization.Collector().CollectAsync(DemoOrganization.Request(minimalEmulator) with { Evidence = EvidenceScope.Minimal, Controls = controls, Judging = options });

            Verdicts(minimal, controls, options).ShouldBe(Verdicts(full, controls, options));
        }
    }

    [Theory]
    [MemberData(nameof(Judgings))]
    public async Task Every_reason_code_comes_out_the_same_with_minimal_and_full_evidence(string judging)
    {
        var options = Options(judging);
        foreach (var controls in ControlSets)
        {
            var full = await CollectEveryReasonAsync(EvidenceScope.Full, controls, options);
            var minimal = await CollectEveryReasonAsync(EvidenceScope.Minimal, controls, options);

            Verdicts(minimal, controls, options).ShouldBe(Verdicts(full, controls, options));
        }
    }

    [Fact]
    public async Task The_every_reason_scenario_covers_every_reason_code_of_the_seed_control()
    {
        var full = await CollectEveryReasonAsync(EvidenceScope.Full, [Seed], EvaluationOptions.Default);

        var codes = new ChainEvaluator(EvaluationOptions.Default).Evaluate(full.Inventory, [Seed]).Findings
            .SelectMany(f => f.Reasons).Select(r => r.ToCode()).ToHashSet();
        string[] expected =
        [
            "no-trail", "trail-not-multi-region", "trail-not-logging", "no-management-events", "trail-no-cloudwatch-logs",
            "no-metric-filter", "pattern-insufficient", "pattern-never-fires", "pattern-unparseable", "no-alarm",
            "alarm-metric-mismatch", "alarm-actions-disabled", "alarm-cannot-fire", "alarm-no-action", "topic-missing",
            "topic-policy-denies-cloudwatch", "topic-key-denies-cloudwatch", "no-confirmed-subscription",
            "access-denied", "throttled", "unavailable", "unresolved",
        ];
        expected.ShouldBeSubsetOf(codes);
    }

    [Fact]
    public async Task Generated_organizations_get_the_same_outcomes_and_reasons_with_minimal_and_full_evidence()
    {
        foreach (var controls in ControlSets)
        {
            var full = await CollectGeneratedAsync(EvidenceScope.Full, controls);
            var minimal = await CollectGeneratedAsync(EvidenceScope.Minimal, controls);

            Verdicts(minimal, controls, EvaluationOptions.Default).ShouldBe(Verdicts(full, controls, EvaluationOptions.Default));
        }
    }

    private static IReadOnlyList<IReadOnlyList<Control>> ControlSets => [[Seed], ControlCatalog.Default.All];

    private static EvaluationOptions Options(string judging) => judging switch
    {
        "strict" => new EvaluationOptions(Strict: true),
        "literal" => new EvaluationOptions(EvaluationMode.Literal),
        _ => EvaluationOptions.Default,
    };

    /// <summary>Each account × control's outcome and reasons, one line each, in order.</summary>
    private static IReadOnlyList<string> Verdicts(CollectResult result, IReadOnlyList<Control> controls, EvaluationOptions options) =>
    [
        .. new ChainEvaluator(options).Evaluate(result.Inventory, controls).Findings
            .OrderBy(f => f.AccountId, StringComparer.Ordinal).ThenBy(f => f.ControlId, StringComparer.Ordinal)
            .Select(f => $"{f.AccountId} {f.ControlId} {f.Outcome} {string.Join(",", f.Reasons.Select(r => r.ToCode()))}"),
    ];

    private static async Task<CollectResult> CollectGeneratedAsync(EvidenceScope evidence, IReadOnlyList<Control>? controls = null)
    {
        await using var emulator = await EmulatorHost.StartAsync(ScenarioGenerator.Generate(10, TwoRegions), faults: null, port: 0);
        return await DemoOrganization.Collector().CollectAsync(new CollectRequest
        {
            StartingCredentials = new BasicAWSCredentials(ScenarioGenerator.KeyId(1), "generated"),
            Credentials = new Credentials.CredentialOptions(Region: "us-east-1"),
            EndpointUrl = emulator.Endpoint,
            Organization = new OrganizationScope("OrganizationAccountAccessRole"),
            Controls = controls ?? [Seed],
            Evidence = evidence,
        });
    }

    private static async Task<CollectResult> CollectEveryReasonAsync(EvidenceScope evidence, IReadOnlyList<Control> controls, EvaluationOptions options)
    {
        await using var emulator = await EmulatorHost.StartAsync(EveryReasonScenario.Scenario, EveryReasonScenario.Faults, port: 0);
        return await DemoOrganization.Collector(maxAttempts: 2).CollectAsync(new CollectRequest
        {
            StartingCredentials = new BasicAWSCredentials(EveryReasonScenario.KeyId, EveryReasonScenario.Secret),
            Credentials = new Credentials.CredentialOptions(Region: "us-east-1"),
            EndpointUrl = emulator.Endpoint,
            Accounts = [.. EveryReasonScenario.Audited.Select(id => new AccountTarget(id, "TocsinAuditRole"))],
            Controls = controls,
            Judging = options,
            Evidence = evidence,
        });
    }
}
