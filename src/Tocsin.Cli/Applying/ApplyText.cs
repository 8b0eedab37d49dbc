using Tocsin.Core.Findings;
using Tocsin.Remediation.Apply;
using Tocsin.Remediation.Plans;

namespace Tocsin.Cli.Applying;

/// <summary>How the dry run, the apply report and the outcome after the re-scan read.</summary>
internal static class ApplyText
{
    public static void DryRun(RemediationPlan plan, TextWriter output)
    {
        if (plan.IsEmpty)
        {
            output.WriteLine("Nothing to change.");
            return;
        }

        var changes = plan.Steps.Where(s => s is not ManualStep).ToList();
        output.WriteLine($"Dry run: tocsin remediate --apply --yes would make {changes.Count} change(s); no write call was made.");
        foreach (var step in changes)
        {
            output.WriteLine($"  {(step.Change == StepChange.Create ? "create" : "update"),-7} {step.AccountId} {step.Region}  {step.Describe()}");
        }

        var manual = plan.Steps.OfType<ManualStep>().ToList();
        if (manual.Count > 0)
        {
            output.WriteLine("By hand, after the changes:");
            foreach (var step in manual)
            {
                output.WriteLine($"  {step.AccountId} {step.Region}  {step.What}");
            }
        }

        Expected(plan, output);
        if (plan.Fixes.Any(f => f.After == "still-fails"))
        {
            output.WriteLine("A link no scan can see yet (the filters of a log group no trail delivers to, the alarms of a metric no filter publishes) is planned after the scan that follows the changes, and applied in the same run.");
        }
    }

    public static void Report(ApplyReport report, TextWriter output)
    {
        foreach (var result in report.Steps)
        {
            var label = result.Outcome switch
            {
                StepOutcome.Applied => "done",
                StepOutcome.AlreadyDone => "already",
                StepOutcome.ByHand => "by hand",
                StepOutcome.Failed => "FAILED",
                _ => "not run",
            };
            output.WriteLine($"  {label,-8} {result.Step.AccountId} {result.Step.Region}  {result.Detail}");
        }

        if (report.Failed)
        {
            var done = report.Steps.Count(s => s.Outcome is StepOutcome.Applied or StepOutcome.AlreadyDone);
            var notRun = report.Steps.Count(s => s.Outcome == StepOutcome.NotRun);
            output.WriteLine($"Stopped at the failed step: {done} step(s) done, {notRun} not tried. Nothing was rolled back or deleted; fix the cause and apply again.");
        }
        else if (report.NothingChanged)
        {
            output.WriteLine("Nothing to change: every step was already done.");
        }
    }

    /// <summary>Each finding the plan set out to fix, as the scan after the apply judges it; true when all pass or only await a confirmation.</summary>
    public static bool Outcomes(IReadOnlyList<PlannedFix> fixes, RunResult after, TextWriter output)
    {
        output.WriteLine("After the changes:");
        var allGood = true;
        foreach (var fix in fixes)
        {
            var finding = after.Findings.FirstOrDefault(f => f.ControlId == fix.ControlId && f.AccountId == fix.AccountId && f.Region == fix.Region)
                ?? after.Findings.FirstOrDefault(f => f.ControlId == fix.ControlId && f.AccountId == fix.AccountId);
            var where = $"{fix.ControlId} {fix.AccountId}{(fix.Region is null ? "" : " " + fix.Region)}";
            if (finding is null)
            {
                output.WriteLine($"  not seen  {where}: the scan after the apply did not judge it");
                allGood = false;
            }
            else if (finding.Outcome == Outcome.Pass)
            {
                output.WriteLine($"  pass      {where}");
            }
            else if (finding.Outcome == Outcome.Fail && finding.Reasons.SequenceEqual([ReasonCode.NoConfirmedSubscription]))
            {
                output.WriteLine($"  awaits    {where}: awaits confirmation of the subscription SNS sent a request to ({finding.Message})");
            }
            else
            {
                output.WriteLine($"  {finding.Outcome.ToString().ToLowerInvariant(),-9} {where}: {string.Join(", ", finding.Reasons.Select(r => r.ToCode()))}: {finding.Message}");
                allGood = false;
            }
        }

        return allGood;
    }

    private static void Expected(RemediationPlan plan, TextWriter output)
    {
        if (plan.Fixes.Count == 0)
        {
            return;
        }

        output.WriteLine("Expected afterwards:");
        foreach (var fix in plan.Fixes)
        {
            output.WriteLine($"  {fix.After,-19} {fix.ControlId} {fix.AccountId}{(fix.Region is null ? "" : " " + fix.Region)}{(fix.Note is null ? "" : ": " + fix.Note)}");
        }
    }
}
