using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Tocsin.Core.Controls;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// Evaluates controls per account over one inventory, whatever filled it (live AWS, IaC, a snapshot). Each account
/// and control gets one finding: the most complete chain and its first broken link, the other candidates in the
/// evidence. An organization trail is evaluated once, in the account that owns it; members inherit its outcome.
/// </summary>
public sealed class ChainEvaluator(EvaluationOptions options, ExceptionList? exceptions = null)
{
    /// <summary>The verdict cache; evaluators that judge the same patterns again (the remediation planner) share one.</summary>
    internal FilterJudge Judge { get; init; } = new();

    // Per inventory: one evaluator may judge several inventories (the collector judges each account as it is read).
    private readonly ConditionalWeakTable<CloudInventory, ConcurrentDictionary<(string ControlId, string TrailArn), IReadOnlyList<ChainResult>>> _ownerChains = new();
    private readonly ExceptionList _exceptions = exceptions ?? ExceptionList.Empty;

    public RunResult Evaluate(CloudInventory inventory, IReadOnlyList<Control> controls)
    {
        var findings = inventory.Accounts.SelectMany(account => controls.Select(control => Evaluate(inventory, account, control)));
        return RunResult.Of(_exceptions.Apply(findings, AliasesOf), _exceptions.Expired);
    }

    public Finding Evaluate(CloudInventory inventory, Account account, Control control)
    {
        var (best, candidates, inheritedFrom) = BestChain(inventory, account, control);
        var message = best.Message + VerdictNote(best) + CoverageNote(inventory, account, control, best.Verdict);
        var finding = new Finding(control.Id, account.Id, best.Region, best.Outcome, best.Reasons, message,
            new Evidence(best.Chain, OtherCandidates(best, candidates)))
        {
            Verdict = best.Verdict?.Kind,
            Pattern = best.Verdict is { } verdict && best.PatternText is { } text ? JudgedPattern.Of(text, verdict) : null,
            LiteralVerdict = best.LiteralAccepts is { } accepts ? (accepts ? LiteralVerdict.Match : LiteralVerdict.NoMatch) : null,
            InheritedFrom = inheritedFrom,
        };
        return options.AcceptEventBridge || finding.Outcome != Outcome.Pass ? WithEventBridge(inventory, account, control, finding) : finding;
    }

    /// <summary>
    /// Judges the EventBridge chain beside the metric-filter one. Accepted (<c>--accept eventbridge</c>), the account
    /// passes by either; the finding reports the chain that passed, else one that could not be decided (an unseen
    /// value might hide a pass), else the metric-filter one with both chains' reasons; and always shows the other
    /// chain. Not accepted, nothing changes but a failing account's message, which says when EventBridge would alert.
    /// </summary>
    private Finding WithEventBridge(CloudInventory inventory, Account account, Control control, Finding finding)
    {
        var eventBridge = new EventBridgeChain(inventory, control, Judge, options).Walk(account);
        var eventBridgeState = new ChainState(AlertChain.EventBridge, eventBridge.Outcome, eventBridge.Reasons, eventBridge.Message + VerdictNote(eventBridge), eventBridge.Chain);
        if (!options.AcceptEventBridge)
        {
            return eventBridge.Outcome == Outcome.Pass
                ? finding with
                {
                    Message = $"{finding.Message}; the EventBridge chain would pass ({eventBridgeState.Message}): accept that evidence with --accept eventbridge",
                    OtherChain = eventBridgeState,
                }
                : finding;
        }

        var metricFilterState = new ChainState(AlertChain.MetricFilter, finding.Outcome, finding.Reasons, finding.Message, finding.Evidence.Chain);
        if (finding.Outcome == Outcome.Pass)
        {
            var other = NotRead(account) ? "the EventBridge chain was not read (the metric-filter chain already passes; --evidence full reads it)" : eventBridgeState.Summary;
            return finding with { Message = $"{finding.Message}; {other}", OtherChain = eventBridgeState };
        }

        if (eventBridge.Outcome == Outcome.Pass || (eventBridge.Outcome == Outcome.Error && finding.Outcome == Outcome.Fail))
        {
            return new Finding(control.Id, account.Id, eventBridge.Region, eventBridge.Outcome, eventBridge.Reasons,
                $"{eventBridgeState.Message}; {metricFilterState.Summary}", new Evidence(eventBridge.Chain, eventBridge.Candidates))
            {
                Verdict = eventBridge.Verdict?.Kind,
                Pattern = eventBridge.Verdict is { } verdict && eventBridge.PatternText is { } text ? JudgedPattern.Of(text, verdict) : null,
                InheritedFrom = null,
                Chain = AlertChain.EventBridge,
                OtherChain = metricFilterState,
            };
        }

        var reasons = finding.Outcome == Outcome.Fail && eventBridge.Outcome == Outcome.Fail
            ? [.. finding.Reasons.Concat(eventBridge.Reasons).Distinct()]
            : finding.Reasons;
        return finding with { Reasons = reasons, Message = $"{finding.Message}; {eventBridgeState.Summary}", OtherChain = eventBridgeState };
    }

    /// <summary>Whether no region's EventBridge rules were read at all (a minimal reading stopped once a chain passed).</summary>
    private static bool NotRead(Account account) =>
        account.Regions.TryGetValue(out var regions) && regions.All(region => region.EventRules.Unknown?.Reason == UnknownReason.NotCollected);

    /// <summary>
    /// Where each other candidate chain parts from the reported one: the first resource of it that the reported
    /// chain does not hold (another trail, another filter on the same log group, another alarm on the same metric).
    /// </summary>
    private static IReadOnlyList<string> OtherCandidates(ChainResult best, IReadOnlyList<ChainResult> candidates) =>
    [
        .. candidates
            .Where(candidate => !ReferenceEquals(candidate, best))
            .Select(candidate => candidate.Chain.FirstOrDefault(resource => !best.Chain.Contains(resource)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal),
    ];

    private (ChainResult Best, IReadOnlyList<ChainResult> Candidates, string? InheritedFrom) BestChain(CloudInventory inventory, Account account, Control control)
    {
        if (!account.Regions.TryGetValue(out var regions))
        {
            var unknown = account.Regions.Unknown ?? new Unknown(UnknownReason.Unavailable);
            var blocked = new ChainResult(Outcome.Error, 0, [ReasonCodes.For(unknown.Reason)], $"could not read account {account.Id}: {unknown}", [], null);
            return (blocked, [blocked], null);
        }

        var unlisted = regions.Where(r => !r.Trails.IsKnown).ToList();
        var trails = regions.Where(r => r.Trails.IsKnown).SelectMany(r => r.Trails.Value.Select(t => (Region: r.Name, Trail: t)))
            .GroupBy(entry => entry.Trail.Arn)
            .Select(copies => copies.FirstOrDefault(c => c.Trail.HomeRegion.Is(home => home == c.Region)).Trail ?? copies.First().Trail)
            .OrderBy(trail => trail.Arn, StringComparer.Ordinal)
            .ToList();

        var owned = new List<ChainResult>();
        var inherited = new List<(ChainResult Result, string Owner)>();
        foreach (var trail in trails)
        {
            // A trail another account owns shows in this account's listing only as an organization trail's copy,
            // so it is followed in its owner even when this account cannot see the organization flag itself.
            if (trail.OwnerAccountId.TryGetValue(out var owner) && owner != account.Id && !trail.IsOrganizationTrail.Is(org => !org))
            {
                inherited.AddRange(OwnerChains(inventory, control, trail, owner).Select(result => (result, owner)));
            }
            else
            {
                owned.AddRange(new TrailChain(inventory, control, Judge, options).Walk(trail));
            }
        }

        var all = owned.Concat(inherited.Select(i => i.Result)).ToList();
        if (all.Count == 0 || (unlisted.Count > 0 && all.All(c => c.Outcome != Outcome.Pass)))
        {
            var result = unlisted.Count > 0
                ? new ChainResult(Outcome.Error, 0, [ReasonCodes.For(unlisted[0].Trails.Unknown!.Reason)], $"could not list the trails in {unlisted[0].Name}: {unlisted[0].Trails.Unknown}", [], unlisted[0].Name)
                : new ChainResult(Outcome.Fail, 0, [ReasonCode.NoTrail], "no CloudTrail trail records this account's API activity, so nothing can alert on it", [], null);
            return (result, [.. all, result], null);
        }

        var best = ChainResult.Best(all);
        var from = inherited.FirstOrDefault(i => ReferenceEquals(i.Result, best)).Owner;
        return (best, all, from);
    }

    /// <summary>The chains of an organization trail, followed in its owner account, once per control.</summary>
    private IReadOnlyList<ChainResult> OwnerChains(CloudInventory inventory, Control control, Trail memberView, string ownerId) =>
        _ownerChains.GetValue(inventory, _ => new()).GetOrAdd((control.Id, memberView.Arn), _ =>
        {
            var owner = inventory.FindAccount(ownerId);
            if (owner is null || !owner.Regions.TryGetValue(out var regions))
            {
                var unknown = owner?.Regions.Unknown ?? new Unknown(UnknownReason.NotCollected, $"account {ownerId} was not scanned");
                return [new ChainResult(Outcome.Error, 0, [ReasonCodes.For(unknown.Reason)], $"could not see the owner account {ownerId} of organization trail {memberView.Name}: {unknown}", [memberView.Arn], null)];
            }

            var ownerTrail = regions.Where(r => r.Trails.IsKnown).SelectMany(r => r.Trails.Value).FirstOrDefault(t => t.Arn == memberView.Arn) ?? memberView;
            return new TrailChain(inventory, control, Judge, options).Walk(ownerTrail);
        });

    /// <summary>
    /// A passing chain whose pattern is tuned or broader says what it no longer alerts on, or also alerts on
    /// (DESIGN.md "Pattern verdicts": a tuned pattern always names what it drops).
    /// </summary>
    private static string VerdictNote(ChainResult chain) =>
        chain.Outcome == Outcome.Pass && chain.Verdict is { Kind: VerdictKind.Tuned or VerdictKind.Broader } verdict
            ? "; " + verdict.Explanation
            : "";

    /// <summary>
    /// A tuned pattern that drops a population another control covers (root sign-ins → root-account-usage) says
    /// whether that control's alarm really covers it in the same account. An insufficient or never-firing pattern
    /// gets no such note: it fails for what it misses, whoever else alerts on part of it.
    /// </summary>
    private string CoverageNote(CloudInventory inventory, Account account, Control control, PatternVerdict? verdict)
    {
        if (verdict is not { Kind: VerdictKind.Tuned })
        {
            return "";
        }

        var notes = verdict.Missed
            .Select(control.FindPopulation)
            .OfType<Population>()
            .Where(population => population.CoveredBy is not null && population.CoveredBy != control.Id)
            .Select(population => (population.Name, Other: ControlCatalog.Default.Find(population.CoveredBy!)))
            .Where(entry => entry.Other is not null)
            .Select(entry =>
            {
                var other = BestChain(inventory, account, entry.Other!).Best;
                return other.Outcome switch
                {
                    Outcome.Pass => $"{entry.Name} is covered by this account's {entry.Other!.Id} alarm",
                    Outcome.Fail => $"{entry.Name} is NOT covered: {entry.Other!.Id} fails ({string.Join(", ", other.Reasons.Select(r => r.ToCode()))})",
                    _ => $"whether {entry.Other!.Id} covers {entry.Name} could not be decided",
                };
            })
            .ToList();
        return notes.Count == 0 ? "" : "; " + string.Join("; ", notes);
    }

    private static IReadOnlyCollection<string> AliasesOf(string controlId) =>
        ControlCatalog.Default.Find(controlId)?.Aliases ?? [];

}
