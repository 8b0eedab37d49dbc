namespace Tocsin.Remediation.Plans;

/// <summary>
/// PutRule on the region's default event bus: the control's event pattern, in the state that hears its events. A rule
/// of the same name is replaced whole (PutRule overwrites it), so <see cref="Exists"/> only changes how templates own it.
/// </summary>
/// <param name="State">As AWS spells it: <c>ENABLED</c> or <c>ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS</c>.</param>
public sealed record PutEventRule(string ControlId, string RuleName, string EventPattern, string State, string Description, bool Exists) : PlanStep
{
    public const string DefaultBus = "default";

    public override StepChange Change => Exists ? StepChange.Update : StepChange.Create;

    protected override string KeyOf() => $"event-rule:{AccountId}:{Region}:{RuleName}";

    public override string Describe() => Exists
        ? $"update EventBridge rule {RuleName} on the default bus of {Region}: the {ControlId} event pattern, state {State}"
        : $"create EventBridge rule {RuleName} on the default bus of {Region}: the {ControlId} event pattern, state {State}";
}

/// <summary>PutTargets: the rule sends each matching event to the topic, as EventBridge itself (no role), so the topic policy must let <c>events.amazonaws.com</c> publish.</summary>
public sealed record PutEventTarget(string RuleName, string TargetId, string TopicArn, bool Exists) : PlanStep
{
    public override StepChange Change => Exists ? StepChange.Update : StepChange.Create;

    protected override string KeyOf() => $"event-target:{AccountId}:{Region}:{RuleName}:{TargetId}";

    public override string Describe() => $"make EventBridge rule {RuleName} send matching events to topic {TopicArn.Split(':')[^1]} (target {TargetId})";
}

/// <summary>
/// SetTopicAttributes Policy with <see cref="Policy"/>: the topic's own policy with <see cref="Statement"/> added (a
/// statement of the same Sid replaced), never its other statements dropped. A topic with only the default policy
/// works for a CloudWatch alarm and not for EventBridge, which publishes as <c>events.amazonaws.com</c>.
/// </summary>
public sealed record AllowEventBridgeToPublish(string TopicArn, string Statement, string Policy) : PlanStep
{
    public const string StatementId = "TocsinAllowEventBridgeRules";

    public override StepChange Change => StepChange.Update;

    protected override string KeyOf() => $"topic-policy-events:{TopicArn}";

    public override string Describe() => $"add a statement to the access policy of topic {TopicArn.Split(':')[^1]} that lets events.amazonaws.com publish, for rules of account {AccountId} only";
}

/// <summary>PutKeyPolicy with <see cref="Policy"/>: the policy of the key encrypting the topic with a statement letting EventBridge use the key added.</summary>
public sealed record AllowEventBridgeToUseKey(string KeyId, string TopicArn, string Statement, string Policy) : PlanStep
{
    public const string StatementId = "TocsinAllowEventBridgeToUseTheKey";

    public override StepChange Change => StepChange.Update;

    protected override string KeyOf() => $"key-policy-events:{KeyId}";

    public override string Describe() => $"add a statement to the policy of key {KeyId} that lets events.amazonaws.com use it (kms:Decrypt, kms:GenerateDataKey*), so rules can publish to topic {TopicArn.Split(':')[^1]}";
}
