using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Planning;

/// <summary>
/// Builds a <see cref="RemediationPlan"/> from findings and the inventory they were judged on. For each failing
/// finding it mends the first broken link, projects the change onto the inventory, and evaluates again with the same
/// evaluator, until the finding passes, waits only on a person (a subscription to confirm), or nothing more can be
/// planned. So every plan is checked by Tocsin's own full-chain evaluation before anyone runs it.
/// </summary>
public sealed class Planner(EvaluationOptions evaluation, PlanOptions options)
{
    /// <summary>More links than a chain has: a finding still failing after this many rounds is not making progress.</summary>
    private const int MaxRounds = 16;

    private readonly FilterJudge _judge = new();

    public RemediationPlan Plan(CloudInventory inventory, RunResult result, IReadOnlyList<Control> controls)
    {
        if (options.Via == PlanVia.EventBridge)
        {
            return new EventBridge.EventBridgePlanner(options).Plan(inventory, result, controls);
        }

        var state = new PlanState(inventory, options, controls);
        var fixes = new List<PlannedFix>();
        var notPlanned = new List<NotPlanned>();
        if (options.Variant is { } variant && !controls.Any(c => c.AcceptedVariants.Any(v => v.Name == variant)))
        {
            throw new UnknownVariantException(variant, [.. controls.SelectMany(c => c.AcceptedVariants.Select(v => v.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        }

        foreach (var finding in result.Findings)
        {
            if (finding.SuppressedBy is { } exception)
            {
                notPlanned.Add(new NotPlanned(finding.ControlId, finding.AccountId, Spell(finding.Outcome), $"suppressed by the exception of {exception.Owner} until {exception.Expires:yyyy-MM-dd}: {exception.Reason}"));
            }
            else if (finding.Outcome == Outcome.Error)
            {
                notPlanned.Add(new NotPlanned(finding.ControlId, finding.AccountId, Spell(finding.Outcome), $"could not be decided, so nothing is planned until it can be seen: {finding.Message}"));
            }
            else if (finding.Outcome == Outcome.Fail && controls.FirstOrDefault(c => c.Id == finding.ControlId) is { } control)
            {
                fixes.Add(Mend(state, finding, control));
            }
        }

        foreach (var warning in state.Steps.OfType<PutMetricFilter>().Select(f => f.Warning).OfType<string>())
        {
            state.Warn(warning);
        }

        return new RemediationPlan(options, OrderedByAccount(state.Steps), fixes, notPlanned, state.Warnings);
    }

    private PlannedFix Mend(PlanState state, Finding original, Control control)
    {
        var reasons = original.Reasons.Select(r => r.ToCode()).ToList();
        var mender = new LinkMender(state);
        for (var round = 0; round < MaxRounds; round++)
        {
            var finding = Evaluate(state.Inventory, original.AccountId, control);
            switch (finding.Outcome)
            {
                case Outcome.Pass:
                    return new PlannedFix(control.Id, original.AccountId, finding.Region, reasons, "pass", null);
                case Outcome.Error:
                    return new PlannedFix(control.Id, original.AccountId, finding.Region, reasons, "still-fails", $"after the planned steps the outcome cannot be decided: {finding.Message}");
            }

            if (finding.Reasons[0] == ReasonCode.NoConfirmedSubscription && AwaitsConfirmation(state, original.AccountId, control) is { } confirmed)
            {
                return new PlannedFix(control.Id, original.AccountId, confirmed.Region, reasons, "awaits-confirmation",
                    "passes once the recipient confirms the subscription from the message SNS sends");
            }

            if (!state.Add(mender.Mend(finding, control)))
            {
                var manual = state.Steps.OfType<ManualStep>().Where(m => m.Reason == finding.Reasons[0]).Select(m => m.What).FirstOrDefault();
                return new PlannedFix(control.Id, original.AccountId, finding.Region, reasons, "still-fails", manual is null
                    ? $"no step can mend {finding.Reasons[0].ToCode()} here: {finding.Message}"
                    : $"{finding.Message}; by hand: {manual}");
            }
        }

        return new PlannedFix(control.Id, original.AccountId, original.Region, reasons, "still-fails", "the plan made no progress on this finding");
    }

    /// <summary>The finding once every planned or pending subscription is confirmed, when it then passes.</summary>
    private Finding? AwaitsConfirmation(PlanState state, string accountId, Control control)
    {
        var topics = state.TopicsAwaitingConfirmation;
        if (topics.Count == 0)
        {
            return null;
        }

        var confirmed = Evaluate(InventoryProjection.ConfirmPending(state.Inventory, topics), accountId, control);
        return confirmed.Outcome == Outcome.Pass ? confirmed : null;
    }

    private Finding Evaluate(CloudInventory inventory, string accountId, Control control)
    {
        // A new evaluator each round: it caches organization-trail chains, which the plan has just changed.
        var evaluator = new ChainEvaluator(evaluation) { Judge = _judge };
        return evaluator.Evaluate(inventory, inventory.FindAccount(accountId)!, control);
    }

    /// <summary>Steps grouped by account in the order accounts first need them; within an account, in the order the chain needs them.</summary>
    private static List<PlanStep> OrderedByAccount(IReadOnlyList<PlanStep> steps) =>
        [.. steps.Select((step, index) => (step, index)).GroupBy(s => s.step.AccountId).SelectMany(g => g.OrderBy(s => s.index)).Select(s => s.step)];

    private static string Spell(Outcome outcome) => outcome.ToString().ToLowerInvariant();
}
