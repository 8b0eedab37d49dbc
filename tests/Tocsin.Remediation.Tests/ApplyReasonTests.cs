using Tocsin.Core.Findings;
using Tocsin.Remediation.Apply;

namespace Tocsin.Remediation.Tests;

/// <summary>For every reason a finding fails with: scan, plan, apply, scan again — it passes, and applying again writes nothing.</summary>
public class ApplyReasonTests
{
    public static TheoryData<string> Reasons() => [.. ApplyScenarios.ByReason.Keys];

    [Theory]
    [MemberData(nameof(Reasons))]
    public async Task Applying_the_plan_makes_the_failing_finding_pass_and_a_second_apply_writes_nothing(string reason)
    {
        await using var harness = await ApplyHarness.StartAsync(ApplyScenarios.ByReason[reason]);
        var before = await harness.CollectAsync();
        var finding = ApplyHarness.Judge(before);
        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.Select(r => r.ToCode()).ShouldContain(reason.Replace("-advanced", "", StringComparison.Ordinal));

        // A link the scan could not see (the filters of a log group no trail delivered to) is planned once it is seen.
        var (plan, seen, after, log) = (ApplyHarness.Plan(before), before, finding, "");
        var rounds = new List<(Plans.RemediationPlan Plan, Core.Inventory.CloudInventory Seen)>();
        for (var round = 0; round == 0 || (round < 3 && after.Outcome != Outcome.Pass && !after.Reasons.SequenceEqual([ReasonCode.NoConfirmedSubscription])); round++)
        {
            var report = await harness.ApplyAsync(plan, seen);
            log += string.Join("\n", report.Steps.Select(s => $"{s.Step.Describe()}: {s.Outcome} {s.Detail}")) + "\n" + string.Join("\n", plan.Fixes.Select(f => $"{f.After} {f.Note}")) + "\n";
            report.Failed.ShouldBeFalse(log);
            report.Writes.ShouldBeGreaterThan(0, log);
            rounds.Add((plan, seen));
            seen = await harness.CollectAsync();
            after = ApplyHarness.Judge(seen);
            plan = ApplyHarness.Plan(seen);
        }

        if (after.Outcome != Outcome.Pass)
        {
            // An e-mail subscriber must confirm; once they have, the alarm reaches them.
            after.Reasons.ShouldBe([ReasonCode.NoConfirmedSubscription], log + after.Message);
            plan.Fixes.Single().After.ShouldBe("awaits-confirmation");
            harness.Emulator.Control.PendingSubscriptions().ShouldNotBeEmpty();
            foreach (var pending in harness.Emulator.Control.PendingSubscriptions())
            {
                harness.Emulator.Control.Confirm(pending.SubscriptionArn);
            }

            after = ApplyHarness.Judge(await harness.CollectAsync());
        }

        after.Outcome.ShouldBe(Outcome.Pass, after.Message);
        rounds.Count.ShouldBeLessThanOrEqualTo(3, log);
        foreach (var (applied, sawBefore) in rounds)
        {
            var again = await harness.ApplyAsync(applied, sawBefore);
            again.Writes.ShouldBe(0, string.Join("\n", again.Steps.Select(s => $"{s.Step.Describe()}: {s.Outcome} {s.Detail}")));
            again.Steps.ShouldAllBe(s => s.Outcome == StepOutcome.AlreadyDone || s.Outcome == StepOutcome.ByHand);
        }

        ApplyHarness.Plan(await harness.CollectAsync()).Steps.ShouldBeEmpty();
    }
}
