using Tocsin.Core.Findings;
using Tocsin.Emulator.Faults;
using Tocsin.Emulator.Scenarios;
using Tocsin.FaultMatrix;

namespace Tocsin.Aws.Tests;

/// <summary>The fault matrix's runner with the fault-free truths of its scenarios, learned once for the test class.</summary>
public sealed class FaultMatrixFixture : IAsyncLifetime
{
    internal FaultMatrixRun Matrix { get; } = new();

    public async Task InitializeAsync()
    {
        foreach (var scenario in MatrixScenario.All)
        {
            await Matrix.TruthAsync(scenario);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// A few configurations of the fault matrix (docs/reliability.md, "Fault matrix"), chosen so that between them every
/// kind of fault is injected; bench/Tocsin.FaultMatrix runs hundreds.
/// </summary>
public sealed class FaultMatrixSliceTests(FaultMatrixFixture fixture) : IClassFixture<FaultMatrixFixture>
{
    private static readonly int[] SliceSeeds = [3, 4, 6, 9, 21];

    /// <summary>Seeds 3, 4, 6, 9 and 21 draw, between them, every kind the matrix injects.</summary>
    public static TheoryData<int> Seeds => [.. SliceSeeds];

    [Fact]
    public void The_slice_injects_every_kind_of_fault_the_matrix_knows()
    {
        SliceSeeds.SelectMany(seed => FaultConfiguration.Draw(seed).Kinds).Distinct().Order().ShouldBe(FaultConfiguration.Injectable.Order());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_faulted_scan_never_passes_what_the_fault_free_scan_does_not_and_names_the_fault_in_its_errors(int seed)
    {
        var verdict = await fixture.Matrix.RunAsync(seed);

        verdict.Faulted.StoppedBy.ShouldBeNull();
        verdict.FalsePasses.ShouldBeEmpty();
        verdict.UnexplainedErrors.ShouldBeEmpty();
        verdict.Missing.ShouldBeEmpty();
        verdict.WithinBudget.ShouldBeTrue($"{verdict.Faulted.Elapsed} against a budget of {verdict.Budget}");
    }

    [Fact]
    public async Task The_every_reason_scenario_fails_each_account_for_the_reason_it_is_named_after()
    {
        var truth = await fixture.Matrix.TruthAsync(MatrixScenario.EveryReason);
        var reasons = Enumerable.Range(1, ScenarioGenerator.Breakages.Count)
            .Select(n => truth.Findings[(ScenarioGenerator.AccountId(n), "console-signin-without-mfa")])
            .Select(finding => finding.Outcome == Outcome.Pass ? "complete" : string.Join(",", finding.Reasons));

        reasons.ShouldBe(ScenarioGenerator.Breakages);
    }

    [Fact]
    public void A_configuration_is_the_same_for_the_same_seed()
    {
        FaultConfiguration.Draw(42).FaultsYaml.ShouldBe(FaultConfiguration.Draw(42).FaultsYaml);
    }

    [Fact]
    public void An_error_from_throttling_may_only_say_throttled()
    {
        var configuration = FaultConfiguration.Draw(1) with { Kinds = [FaultKind.Throttle] };

        configuration.ReasonsAllowed().ShouldBe(["throttled"]);
    }
}
