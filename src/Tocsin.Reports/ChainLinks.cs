using Tocsin.Core.Findings;

namespace Tocsin.Reports;

/// <summary>The links of the chain a control demands, in order (DESIGN.md "The chain").</summary>
public enum LinkKind
{
    Trail,
    LogGroup,
    MetricFilter,
    Alarm,
    Topic,
    Subscription,

    /// <summary>An EventBridge rule (the EventBridge chain: rule, topic, subscription).</summary>
    EventRule,
}

/// <summary>Whether a link held, is the one that broke, could not be seen, or was never reached because an earlier one broke.</summary>
public enum LinkState
{
    Held,
    Broken,
    Unseen,
    NotReached,
}

/// <summary>One link of a finding's chain: what it is, the resource it rests on (ARN or name) if any, and its state.</summary>
public sealed record ChainLink(LinkKind Kind, string? Resource, LinkState State)
{
    /// <summary>The link's name as reports print it, e.g. <c>metric filter</c>.</summary>
    public string Name => Kind switch
    {
        LinkKind.Trail => "trail",
        LinkKind.LogGroup => "log group",
        LinkKind.MetricFilter => "metric filter",
        LinkKind.Alarm => "alarm",
        LinkKind.Topic => "topic",
        LinkKind.EventRule => "EventBridge rule",
        _ => "subscription",
    };

    /// <summary>The state as reports spell it: held, broken, unseen, not-reached.</summary>
    public string StateCode => State switch
    {
        LinkState.Held => "held",
        LinkState.Broken => "broken",
        LinkState.Unseen => "unseen",
        _ => "not-reached",
    };
}

/// <summary>
/// Draws a finding's chain link by link from its evidence and reasons: the links before the broken one held, the
/// broken one is marked (or, for an error, the first link that could not be seen), the rest were not reached.
/// </summary>
public static class ChainLinks
{
    private static readonly LinkKind[] MetricFilterChain = [LinkKind.Trail, LinkKind.LogGroup, LinkKind.MetricFilter, LinkKind.Alarm, LinkKind.Topic, LinkKind.Subscription];
    private static readonly LinkKind[] EventBridgeChain = [LinkKind.EventRule, LinkKind.Topic, LinkKind.Subscription];

    /// <summary>The links of the chain a finding reports, in order.</summary>
    public static IReadOnlyList<LinkKind> KindsOf(Finding finding) =>
        finding.Chain == AlertChain.EventBridge ? EventBridgeChain : MetricFilterChain;

    public static IReadOnlyList<ChainLink> Of(Finding finding)
    {
        var resources = new Dictionary<LinkKind, string>();
        foreach (var entry in finding.Evidence.Chain)
        {
            resources.TryAdd(KindOf(entry), entry);
        }

        var kinds = KindsOf(finding);
        var stop = StopAt(finding, resources, kinds);
        var stopIndex = stop is { } found ? Array.IndexOf([.. kinds], found.Kind) : -1;
        return
        [
            .. kinds.Select((kind, index) => new ChainLink(
                kind,
                resources.GetValueOrDefault(kind),
                stop is not { } at ? LinkState.Held
                    : index < stopIndex ? LinkState.Held
                    : index == stopIndex ? at.State
                    : LinkState.NotReached)),
        ];
    }

    /// <summary>The link a reason code names; null for a reason that is about seeing, not about a link.</summary>
    public static LinkKind? LinkOf(ReasonCode reason) => reason switch
    {
        ReasonCode.NoTrail or ReasonCode.TrailNotMultiRegion or ReasonCode.TrailNotLogging or ReasonCode.NoManagementEvents => LinkKind.Trail,
        ReasonCode.TrailNoCloudWatchLogs => LinkKind.LogGroup,
        ReasonCode.NoMetricFilter or ReasonCode.PatternInsufficient or ReasonCode.PatternNeverFires or ReasonCode.PatternUnparseable => LinkKind.MetricFilter,
        ReasonCode.NoAlarm or ReasonCode.AlarmMetricMismatch or ReasonCode.AlarmActionsDisabled or ReasonCode.AlarmCannotFire or ReasonCode.AlarmNoAction => LinkKind.Alarm,
        ReasonCode.TopicMissing or ReasonCode.TopicPolicyDeniesCloudWatch or ReasonCode.TopicKeyDeniesCloudWatch => LinkKind.Topic,
        ReasonCode.NoConfirmedSubscription => LinkKind.Subscription,
        ReasonCode.EventBridgeRuleDisabled or ReasonCode.EventBridgeNoTarget or ReasonCode.EventBridgePatternInsufficient
            or ReasonCode.EventBridgePatternNeverFires or ReasonCode.EventBridgeRegionGap => LinkKind.EventRule,
        ReasonCode.EventBridgeTopicPolicyDenies => LinkKind.Topic,
        _ => null,
    };

    private static (LinkKind Kind, LinkState State)? StopAt(Finding finding, Dictionary<LinkKind, string> resources, IReadOnlyList<LinkKind> kinds)
    {
        if (finding.Outcome == Outcome.Pass)
        {
            return null;
        }

        foreach (var reason in finding.Reasons)
        {
            if (LinkOf(reason) is { } kind && kinds.Contains(kind))
            {
                return (kind, finding.Outcome == Outcome.Fail ? LinkState.Broken : LinkState.Unseen);
            }
        }

        // Could not see: the first link without a resource, or the last one named (its value was the unseen one).
        var first = kinds.FirstOrDefault(kind => !resources.ContainsKey(kind), LinkKind.Subscription);
        return (first, LinkState.Unseen);
    }

    /// <summary>Which link an evidence entry names: a trail, log group, subscription or topic ARN, an alarm ARN, or <c>metric-filter:GROUP/NAME</c>.</summary>
    private static LinkKind KindOf(string entry)
    {
        if (entry.StartsWith("metric-filter:", StringComparison.Ordinal))
        {
            return LinkKind.MetricFilter;
        }

        var parts = entry.Split(':');
        var service = parts.Length > 2 ? parts[2] : "";
        return service switch
        {
            "cloudtrail" => LinkKind.Trail,
            "logs" => LinkKind.LogGroup,
            "cloudwatch" => LinkKind.Alarm,
            "events" => LinkKind.EventRule,
            "sns" when parts.Length > 6 => LinkKind.Subscription,
            "sns" => LinkKind.Topic,
            _ => LinkKind.Trail,
        };
    }
}
