using Tocsin.Core.Findings;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rollout;

/// <summary>One batch of a rollout: the accounts mended together, and their steps in plan order.</summary>
public sealed record RolloutBatch(int Number, IReadOnlyList<string> Accounts, IReadOnlyList<PlanStep> Steps);

/// <summary>
/// Cuts a plan into batches of accounts, highest priority first. An account that owns an organization trail goes as
/// early as the highest-priority member that inherits from it: mending the owner mends them.
/// </summary>
public static class RolloutBatches
{
    public static IReadOnlyList<RolloutBatch> Of(RemediationPlan plan, RunResult findings, AccountPriorities priorities, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var inheritors = findings.Findings.Where(f => f.InheritedFrom is not null)
            .GroupBy(f => f.InheritedFrom!)
            .ToDictionary(g => g.Key, g => g.Select(f => f.AccountId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        int Effective(string account) => inheritors.TryGetValue(account, out var members)
            ? members.Append(account).Min(priorities.PriorityOf)
            : priorities.PriorityOf(account);

        var ordered = plan.Accounts.OrderBy(Effective).ThenBy(a => a, StringComparer.Ordinal).ToList();
        return
        [
            .. ordered.Chunk(batchSize).Select((accounts, index) => new RolloutBatch(
                index + 1,
                accounts,
                [.. plan.Steps.Where(step => accounts.Contains(step.AccountId, StringComparer.Ordinal))])),
        ];
    }
}
