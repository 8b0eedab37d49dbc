using Tocsin.Core.Controls;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// The EventBridge chain of one control in one account: CloudTrail delivers each event to the default bus of the
/// region where it was recorded (sign-ins: us-east-1 for the root user and the global endpoint, a regional endpoint's
/// own region otherwise; docs/eventbridge-patterns.md), so every region in scope must reach a rule that alerts, in
/// that region or by forwarding. Each region's rules are walked by <see cref="EventRuleWalk"/>; this class keeps the
/// best of each region and judges the regions together.
/// </summary>
internal sealed class EventBridgeChain(CloudInventory inventory, Control control, FilterJudge judge, EvaluationOptions options)
{
    private sealed record RegionResult(string Region, ChainResult Result, bool HasCandidate);

    public ChainResult Walk(Account account)
    {
        if (!account.Regions.TryGetValue(out var regions))
        {
            var unknown = account.Regions.Unknown ?? new Unknown(UnknownReason.Unavailable);
            return new ChainResult(Outcome.Error, 0, [ReasonCodes.For(unknown.Reason)], $"could not read account {account.Id}: {unknown}", [], null);
        }

        if (regions.Count == 0)
        {
            return new ChainResult(Outcome.Error, 0, [ReasonCode.Unavailable], $"no region of account {account.Id} was read", [], null);
        }

        var walk = new EventRuleWalk(inventory, control, judge, options);
        var results = regions.OrderBy(region => region.Name, StringComparer.Ordinal).Select(region => Region(walk, region)).ToList();
        return Combine(results);
    }

    private static RegionResult Region(EventRuleWalk walk, Region region)
    {
        var start = new ChainWalk { Region = region.Name };
        if (!region.EventRules.TryGetValue(out var rules))
        {
            return new RegionResult(region.Name, start.Blocked(region.EventRules.Unknown, $"the EventBridge rules in {region.Name}"), true);
        }

        var candidates = walk.Candidates(rules);
        if (candidates.Count == 0)
        {
            return new RegionResult(region.Name, start.Fail(ReasonCode.EventBridgeRegionGap, $"no EventBridge rule on the default bus in {region.Name} alerts on the control's events"), false);
        }

        return new RegionResult(region.Name, ChainResult.Best([.. candidates.SelectMany(rule => walk.Rule(start, rule, []))]), true);
    }

    /// <summary>
    /// Every region passes: pass. A region that surely reaches no alerting rule fails the chain, whatever another
    /// region could not show (its reasons, and <c>eventbridge-region-gap</c> when other regions do alert or a region
    /// has no rule for the control at all). Otherwise a region that could not be seen makes the chain undecided.
    /// </summary>
    private static ChainResult Combine(IReadOnlyList<RegionResult> results)
    {
        var failing = results.Where(r => r.Result.Outcome == Outcome.Fail).ToList();
        var erring = results.Where(r => r.Result.Outcome == Outcome.Error).ToList();
        var passing = results.Where(r => r.Result.Outcome == Outcome.Pass).ToList();
        if (failing.Count == 0 && erring.Count == 0)
        {
            var shown = Primary(passing);
            var others = passing.Where(r => r != shown).ToList();
            var message = others.Count == 0
                ? $"alerts through EventBridge: {shown.Result.Message}"
                : $"alerts through EventBridge in every region in scope: {shown.Result.Message}; and in {string.Join(", ", others.Select(r => r.Region))}";
            return shown.Result with { Message = message, Candidates = Firsts(others) };
        }

        if (failing.Count == 0)
        {
            var deepest = erring.MaxBy(r => r.Result.Depth)!;
            return deepest.Result with { Candidates = Firsts(results.Where(r => r != deepest)) };
        }

        var gap = failing.Any(r => !r.HasCandidate) || passing.Count > 0 || erring.Count > 0;
        var withRules = failing.Where(r => r.HasCandidate).ToList();
        var reasons = withRules.SelectMany(r => r.Result.Reasons).Concat(gap ? [ReasonCode.EventBridgeRegionGap] : []).Distinct().ToList();
        var without = failing.Where(r => !r.HasCandidate).Select(r => r.Region).ToList();
        var parts = withRules.Select(r => r.Result.Message)
            .Concat(without.Count == 0 ? [] : [$"no EventBridge rule on the default bus in {string.Join(", ", without)} alerts on them"]);
        var lead = gap
            ? $"events recorded in {string.Join(", ", failing.Select(r => r.Region))} reach no EventBridge rule that alerts, so nobody hears of them: "
            : "";
        var first = withRules.MaxBy(r => r.Result.Depth) ?? failing[0];
        return first.Result with
        {
            Reasons = reasons,
            Message = lead + string.Join("; ", parts),
            Candidates = Firsts(results.Where(r => r != first)),
        };
    }

    /// <summary>The region a passing finding shows: us-east-1, where root and global sign-ins arrive, when it is in scope.</summary>
    private static RegionResult Primary(IReadOnlyList<RegionResult> passing) =>
        passing.FirstOrDefault(r => r.Region == "us-east-1") ?? passing[0];

    private static IReadOnlyList<string> Firsts(IEnumerable<RegionResult> results) =>
        [.. results.Select(r => r.Result.Chain.FirstOrDefault()).OfType<string>().Distinct(StringComparer.Ordinal)];
}
