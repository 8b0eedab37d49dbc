namespace Tocsin.Core.Findings;

/// <summary>
/// Why a finding is not a clean pass: the broken link, or why it could not be decided. The kebab-case codes
/// (<see cref="ReasonCodes"/>) are a public contract: a code may be added, none is renamed.
/// </summary>
public enum ReasonCode
{
    NoTrail,
    TrailNotMultiRegion,
    TrailNotLogging,
    NoManagementEvents,
    TrailNoCloudWatchLogs,
    NoMetricFilter,
    PatternInsufficient,
    PatternNeverFires,
    PatternUnparseable,
    NoAlarm,
    AlarmMetricMismatch,
    AlarmActionsDisabled,
    AlarmCannotFire,
    AlarmNoAction,
    TopicMissing,
    TopicPolicyDeniesCloudWatch,
    TopicKeyDeniesCloudWatch,
    NoConfirmedSubscription,
    AccessDenied,
    Throttled,
    Unavailable,
    Unresolved,
    EventBridgeRuleDisabled,
    EventBridgeNoTarget,
    EventBridgeTopicPolicyDenies,
    EventBridgePatternInsufficient,
    EventBridgePatternNeverFires,
    EventBridgeRegionGap,
}
