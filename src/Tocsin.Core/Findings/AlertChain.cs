namespace Tocsin.Core.Findings;

/// <summary>
/// The two chains that can alert on a control's events (DESIGN.md "Two pattern languages, one judge"): the CIS one
/// (trail → log group → metric filter → alarm → topic) and, when the user accepts it, an EventBridge rule on the
/// default bus of every region in scope → topic.
/// </summary>
public enum AlertChain
{
    /// <summary>The CIS chain: trail, log group, metric filter, alarm, topic, subscription.</summary>
    MetricFilter,

    /// <summary>EventBridge rules on the default bus of each region in scope, each notifying a topic with a confirmed subscription.</summary>
    EventBridge,
}

/// <summary>Kebab-case spellings of the chains, as reports write them.</summary>
public static class AlertChains
{
    public static string ToCode(this AlertChain chain) => chain == AlertChain.EventBridge ? "eventbridge" : "metric-filter";

    /// <summary>The chain in words, as messages name it.</summary>
    public static string Describe(this AlertChain chain) => chain == AlertChain.EventBridge ? "the EventBridge chain" : "the metric-filter chain";
}

/// <summary>What the chain a finding does not report concluded: its outcome, reasons, message and evidence.</summary>
/// <param name="Chain">Which chain this is.</param>
/// <param name="Evidence">ARNs of that chain's most complete candidate, in link order.</param>
public sealed record ChainState(AlertChain Chain, Outcome Outcome, IReadOnlyList<ReasonCode> Reasons, string Message, IReadOnlyList<string> Evidence)
{
    /// <summary>The state in one clause, e.g. "the EventBridge chain fails (eventbridge-region-gap): ...".</summary>
    public string Summary => Outcome switch
    {
        Outcome.Pass => $"{Chain.Describe()} passes too: {Message}",
        Outcome.Fail => $"{Chain.Describe()} fails ({string.Join(", ", Reasons.Select(r => r.ToCode()))}): {Message}",
        _ => $"{Chain.Describe()} could not be decided ({string.Join(", ", Reasons.Select(r => r.ToCode()))}): {Message}",
    };
}
