using System.Text.Json.Serialization;
using Tocsin.Core.Findings;

namespace Tocsin.Remediation.Plans;

/// <summary>
/// One change that mends one link of a chain, in the account and region where the call must be made (a trail's home
/// region, an organization trail's owner). Steps are values: renderers turn them into a language, the applier into
/// calls. Every value a step carries is final (merged policies, full alarm settings), so each renderer only spells it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CreateTrailBucket), "create-trail-bucket")]
[JsonDerivedType(typeof(CreateTrail), "create-trail")]
[JsonDerivedType(typeof(StartLogging), "start-logging")]
[JsonDerivedType(typeof(MakeTrailMultiRegion), "make-trail-multi-region")]
[JsonDerivedType(typeof(RecordManagementEvents), "record-management-events")]
[JsonDerivedType(typeof(CreateLogGroup), "create-log-group")]
[JsonDerivedType(typeof(CreateLogDeliveryRole), "create-log-delivery-role")]
[JsonDerivedType(typeof(DeliverTrailToLogs), "deliver-trail-to-logs")]
[JsonDerivedType(typeof(PutMetricFilter), "put-metric-filter")]
[JsonDerivedType(typeof(CreateTopic), "create-topic")]
[JsonDerivedType(typeof(AllowCloudWatchToPublish), "allow-cloudwatch-to-publish")]
[JsonDerivedType(typeof(AllowCloudWatchToUseKey), "allow-cloudwatch-to-use-key")]
[JsonDerivedType(typeof(EncryptTopicWithNewKey), "encrypt-topic-with-new-key")]
[JsonDerivedType(typeof(Subscribe), "subscribe")]
[JsonDerivedType(typeof(PutAlarm), "put-alarm")]
[JsonDerivedType(typeof(EnableAlarmActions), "enable-alarm-actions")]
[JsonDerivedType(typeof(PutEventRule), "put-event-rule")]
[JsonDerivedType(typeof(PutEventTarget), "put-event-target")]
[JsonDerivedType(typeof(AllowEventBridgeToPublish), "allow-eventbridge-to-publish")]
[JsonDerivedType(typeof(AllowEventBridgeToUseKey), "allow-eventbridge-to-use-key")]
[JsonDerivedType(typeof(ManualStep), "manual")]
public abstract record PlanStep
{
    /// <summary>The account the call is made in.</summary>
    public required string AccountId { get; init; }

    /// <summary>The region the call is made in.</summary>
    public required string Region { get; init; }

    /// <summary>The broken link this step mends.</summary>
    [JsonIgnore]
    public required ReasonCode Reason { get; init; }

    /// <summary>The reason code, as reports spell it.</summary>
    [JsonPropertyName("reason")]
    public string ReasonCodeText => Reason.ToCode();

    /// <summary>Whether the step makes something new, or changes something that exists.</summary>
    public abstract StepChange Change { get; }

    /// <summary>What the step does, in words, for the text plan and the dry run.</summary>
    public abstract string Describe();

    /// <summary>Identifies the change: two controls that need the same change share one step.</summary>
    [JsonIgnore]
    public string Key => KeyOf();

    protected abstract string KeyOf();
}

/// <summary>Create makes a resource that did not exist; Update changes one that does, keeping what it does not mend.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepChange>))]
public enum StepChange
{
    Create,
    Update,
}
