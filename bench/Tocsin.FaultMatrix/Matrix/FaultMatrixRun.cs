using Tocsin.Emulator.Faults;

namespace Tocsin.FaultMatrix;

/// <summary>
/// Runs seeds one after another: learns each scenario's fault-free truth once, then scans it under each seed's
/// fault configuration and compares. The figures the reliability document records come from <see cref="Totals"/>.
/// </summary>
internal sealed class FaultMatrixRun
{
    private readonly Dictionary<MatrixScenario, ScanOutcome> _truths = [];

    public List<RunVerdict> Verdicts { get; } = [];

    public async Task<ScanOutcome> TruthAsync(MatrixScenario scenario)
    {
        if (!_truths.TryGetValue(scenario, out var truth))
        {
            truth = await ScanOutcome.RunAsync(scenario, null);
            if (truth.StoppedBy is not null)
            {
                throw new InvalidOperationException($"The fault-free scan of {scenario.Name} stopped: {truth.StoppedBy}");
            }

            _truths[scenario] = truth;
        }

        return truth;
    }

    public async Task<RunVerdict> RunAsync(int seed)
    {
        var configuration = FaultConfiguration.Draw(seed);
        var truth = await TruthAsync(configuration.Scenario);
        var faulted = await ScanOutcome.RunAsync(configuration.Scenario, configuration.Plan());
        var verdict = RunVerdict.Compare(configuration, truth, faulted);
        Verdicts.Add(verdict);
        return verdict;
    }

    public MatrixTotals Totals() => new(
        Verdicts.Count,
        Verdicts.Sum(v => v.Faulted.Injected.Values.Sum()),
        Verdicts.SelectMany(v => v.Faulted.Injected).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value)),
        Verdicts.SelectMany(v => v.Configuration.Kinds).GroupBy(kind => kind).ToDictionary(g => g.Key, g => g.Count()),
        Verdicts.Sum(v => v.Faulted.Summary?.Calls ?? 0),
        Verdicts.Sum(v => v.Faulted.Summary?.Retries ?? 0),
        Verdicts.Sum(v => v.FalsePasses.Count),
        Verdicts.Sum(v => v.FalseFails.Count),
        Verdicts.Sum(v => v.UnexplainedErrors.Count),
        Verdicts.Sum(v => v.Missing.Count),
        Verdicts.Count(v => v.Faulted.StoppedBy is not null),
        Verdicts.Count(v => v.Crashed),
        Verdicts.Count(v => !v.WithinBudget),
        Verdicts.Sum(v => v.Faulted.Findings.Count),
        Verdicts.Sum(v => v.Errors),
        Verdicts.MaxBy(v => v.Faulted.Elapsed));
}

/// <summary>The matrix's figures over all runs.</summary>
internal sealed record MatrixTotals(
    int Runs,
    long FaultsInjected,
    IReadOnlyDictionary<FaultKind, long> InjectedByKind,
    IReadOnlyDictionary<FaultKind, int> RunsByKind,
    int Calls,
    int Retries,
    int FalsePasses,
    int FalseFails,
    int UnexplainedErrors,
    int MissingFindings,
    int StoppedScans,
    int CrashedScans,
    int OverBudget,
    int Findings,
    int ErrorFindings,
    RunVerdict? Slowest);
