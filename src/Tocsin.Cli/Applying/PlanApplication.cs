using Tocsin.Aws.Collection;
using Tocsin.Cli.Scanning;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Apply;
using Tocsin.Remediation.Plans;

namespace Tocsin.Cli.Applying;

/// <summary>
/// <c>remediate --apply</c>: scan, plan, and either list the changes (dry run) or make them, scan again and show each
/// finding the plan set out to fix. A link a scan could not see (the filters of a log group no trail delivered to yet)
/// is planned and applied once the next scan sees it, for at most <see cref="MaxRounds"/> rounds.
/// </summary>
internal sealed class PlanApplication(CliConsole console, ScanRunner runner, Func<CloudInventory, RunResult> judge, Func<CloudInventory, RemediationPlan> planFor)
{
    /// <summary>A new trail, then its filters, then its alarms: each seen only after the one before exists.</summary>
    public const int MaxRounds = 3;

    /// <summary>Called with the last scan after the changes and its findings, to write them as a report.</summary>
    public Action<CloudInventory, RunResult>? AfterScan { get; init; }

    /// <summary>Every step tried, round after round, and what became of it: the store keeps them with the run.</summary>
    public List<StepResult> Applied { get; } = [];

    public async Task<int> RunAsync(ScanPlan scan, bool yes, bool force, CancellationToken cancellationToken)
    {
        if (scan.Targets.Count != 1)
        {
            throw new UsageException($"--apply changes one target at a time; the configuration names {scan.Targets.Count}: choose one with the scan flags");
        }

        var target = scan.Targets[0];
        using var output = new WrappingWriter(console.Out, console.Width);
        var inventory = await ScanAsync(scan, cancellationToken);
        if (inventory is null)
        {
            return ExitCodes.ToolFailure;
        }

        var plan = planFor(inventory);
        if (!yes)
        {
            ApplyText.DryRun(plan, output);
            return ExitCodes.Ok;
        }

        var fixes = plan.Fixes;
        if (plan.IsEmpty)
        {
            output.WriteLine("Nothing to change.");
            var now = judge(inventory);
            AfterScan?.Invoke(inventory, now);
            return now.Findings.Any(f => f.Outcome == Outcome.Fail) ? ExitCodes.Findings : ExitCodes.Ok;
        }

        using var sessions = await AccountSessions.OpenAsync(runner.RequestFor(scan, target), runner.CollectorOptions, cancellationToken);
        var applier = new Applier(sessions.For, new ApplyOptions(force));
        for (var round = 1; ; round++)
        {
            if (round > 1)
            {
                output.WriteLine($"Round {round}: the links the scan after round {round - 1} could see for the first time.");
            }

            var report = await applier.ApplyAsync(plan, inventory, cancellationToken);
            Applied.AddRange(report.Steps);
            ApplyText.Report(report, output);
            if (report.Failed)
            {
                return ExitCodes.Findings;
            }

            inventory = await ScanAsync(scan, cancellationToken);
            if (inventory is null)
            {
                return ExitCodes.ToolFailure;
            }

            var after = judge(inventory);
            var next = planFor(inventory);
            if (round >= MaxRounds || report.Writes == 0 || !NeedsAnotherRound(fixes, after, next))
            {
                AfterScan?.Invoke(inventory, after);
                return ApplyText.Outcomes(fixes, after, output) ? ExitCodes.Ok : ExitCodes.Findings;
            }

            plan = next;
        }
    }

    /// <summary>A planned finding still fails for more than a confirmation, and the new scan lets the planner mend more.</summary>
    private static bool NeedsAnotherRound(IReadOnlyList<PlannedFix> fixes, RunResult after, RemediationPlan next) =>
        next.Steps.Any(s => s is not ManualStep)
        && after.Findings.Any(f => f.Outcome == Outcome.Fail
            && !f.Reasons.SequenceEqual([ReasonCode.NoConfirmedSubscription])
            && fixes.Any(fix => fix.ControlId == f.ControlId && fix.AccountId == f.AccountId));

    private async Task<CloudInventory?> ScanAsync(ScanPlan scan, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(scan with { SnapshotOut = null }, cancellationToken);
        return outcome.FailedTargets.Count > 0 ? null : outcome.Inventory;
    }
}
