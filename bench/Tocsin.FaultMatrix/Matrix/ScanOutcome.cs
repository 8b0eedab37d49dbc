using System.Diagnostics;
using Tocsin.Aws.Collection;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Emulator;
using Tocsin.Emulator.Faults;

namespace Tocsin.FaultMatrix;

/// <summary>One finding of a scan, as the matrix compares them: the outcome and its reason codes.</summary>
internal sealed record Judged(Outcome Outcome, IReadOnlyList<string> Reasons);

/// <summary>
/// A scan of a scenario on a fresh emulator, in-process (Collector, then the evaluator over every control): the
/// findings by account and control, or the error that stopped the scan, with its call counts and time.
/// </summary>
internal sealed record ScanOutcome(
    IReadOnlyDictionary<(string Account, string Control), Judged> Findings,
    string? StoppedBy,
    CollectSummary? Summary,
    IReadOnlyDictionary<FaultKind, long> Injected,
    TimeSpan Elapsed)
{
    public static async Task<ScanOutcome> RunAsync(MatrixScenario scenario, FaultPlan? faults, CancellationToken cancellationToken = default)
    {
        faults ??= FaultPlan.None;
        await using var emulator = await EmulatorHost.StartAsync(scenario.Load(), faults, port: 0, cancellationToken: cancellationToken);
        var collector = new Collector(new CollectorOptions { Retry = MatrixTiming.Policy, Environment = _ => null });
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await collector.CollectAsync(scenario.Request(emulator), cancellationToken: cancellationToken);
            var evaluated = new ChainEvaluator(EvaluationOptions.Default).Evaluate(result.Inventory, ControlCatalog.Default.All);
            var findings = evaluated.Findings.ToDictionary(
                finding => (finding.AccountId, finding.ControlId),
                finding => new Judged(finding.Outcome, [.. finding.Reasons.Select(reason => reason.ToCode()).Order(StringComparer.Ordinal)]));
            return new ScanOutcome(findings, null, result.Summary, faults.Injected, clock.Elapsed);
        }
        catch (Exception stopped) when (stopped is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The scan stopped before any finding (the tool's own failure, exit code 3): nothing passed.
            return new ScanOutcome(new Dictionary<(string, string), Judged>(), $"{stopped.GetType().Name}: {stopped.Message}", null, faults.Injected, clock.Elapsed);
        }
    }
}
