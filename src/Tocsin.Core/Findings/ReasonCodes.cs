using Tocsin.Core.Inventory;

namespace Tocsin.Core.Findings;

/// <summary>The spelling of each <see cref="ReasonCode"/> in reports, and the reason an unknown value gives.</summary>
public static class ReasonCodes
{
    private static readonly CodeSpelling<ReasonCode> Spelling = new(
    [
        (ReasonCode.NoTrail, "no-trail"),
        (ReasonCode.TrailNotMultiRegion, "trail-not-multi-region"),
        (ReasonCode.TrailNotLogging, "trail-not-logging"),
        (ReasonCode.NoManagementEvents, "no-management-events"),
        (ReasonCode.TrailNoCloudWatchLogs, "trail-no-cloudwatch-logs"),
        (ReasonCode.NoMetricFilter, "no-metric-filter"),
        (ReasonCode.PatternInsufficient, "pattern-insufficient"),
        (ReasonCode.PatternNeverFires, "pattern-never-fires"),
        (ReasonCode.PatternUnparseable, "pattern-unparseable"),
        (ReasonCode.NoAlarm, "no-alarm"),
        (ReasonCode.AlarmMetricMismatch, "alarm-metric-mismatch"),
        (ReasonCode.AlarmActionsDisabled, "alarm-actions-disabled"),
        (ReasonCode.AlarmCannotFire, "alarm-cannot-fire"),
        (ReasonCode.AlarmNoAction, "alarm-no-action"),
        (ReasonCode.TopicMissing, "topic-missing"),
        (ReasonCode.TopicPolicyDeniesCloudWatch, "topic-policy-denies-cloudwatch"),
        (ReasonCode.TopicKeyDeniesCloudWatch, "topic-key-denies-cloudwatch"),
        (ReasonCode.NoConfirmedSubscription, "no-confirmed-subscription"),
        (ReasonCode.AccessDenied, "access-denied"),
        (ReasonCode.Throttled, "throttled"),
        (ReasonCode.Unavailable, "unavailable"),
        (ReasonCode.Unresolved, "unresolved"),
        (ReasonCode.EventBridgeRuleDisabled, "eventbridge-rule-disabled"),
        (ReasonCode.EventBridgeNoTarget, "eventbridge-no-target"),
        (ReasonCode.EventBridgeTopicPolicyDenies, "eventbridge-topic-policy-denies"),
        (ReasonCode.EventBridgePatternInsufficient, "eventbridge-pattern-insufficient"),
        (ReasonCode.EventBridgePatternNeverFires, "eventbridge-pattern-never-fires"),
        (ReasonCode.EventBridgeRegionGap, "eventbridge-region-gap"),
    ]);

    public static IReadOnlyCollection<string> All => Spelling.All;

    public static string ToCode(this ReasonCode reason) => Spelling.Of(reason);

    public static bool TryParse(string code, out ReasonCode reason) => Spelling.TryParse(code, out reason);

    /// <summary>
    /// The reason an unknown inventory value puts on an <see cref="Outcome.Error"/> finding. A value a source
    /// does not collect at all is reported as unavailable: the run could not see it.
    /// </summary>
    public static ReasonCode For(UnknownReason unknown) => unknown switch
    {
        UnknownReason.AccessDenied => ReasonCode.AccessDenied,
        UnknownReason.Throttled => ReasonCode.Throttled,
        UnknownReason.Unresolved => ReasonCode.Unresolved,
        _ => ReasonCode.Unavailable,
    };
}
