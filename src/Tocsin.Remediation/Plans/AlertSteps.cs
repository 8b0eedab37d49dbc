namespace Tocsin.Remediation.Plans;

/// <summary>
/// PutMetricFilter on the trail's log group: the control's pattern, publishing 1 to the metric the alarm watches.
/// </summary>
/// <param name="Warning">Set when the pattern is an accepted variant: what it no longer alerts on, and who covers that.</param>
public sealed record PutMetricFilter(
    string ControlId,
    string LogGroupName,
    string FilterName,
    string Pattern,
    string MetricName,
    string MetricNamespace,
    string? Warning = null) : PlanStep
{
    public override StepChange Change => StepChange.Create;

    protected override string KeyOf() => $"filter:{AccountId}:{Region}:{LogGroupName}:{FilterName}";

    public override string Describe() => $"put metric filter {FilterName} on log group {LogGroupName} with the {ControlId} pattern, publishing {MetricNamespace}/{MetricName}";
}

/// <summary>A new SNS topic for the alarms (CreateTopic with the name only; attributes are set afterwards).</summary>
public sealed record CreateTopic(string TopicName, string TopicArn) : PlanStep
{
    public override StepChange Change => StepChange.Create;

    protected override string KeyOf() => $"topic:{TopicArn}";

    public override string Describe() => $"create SNS topic {TopicName}";
}

/// <summary>
/// SetTopicAttributes Policy with <see cref="Policy"/>: the topic's own policy with <see cref="Statement"/> added (a
/// statement of the same Sid replaced), never its other statements dropped.
/// </summary>
public sealed record AllowCloudWatchToPublish(string TopicArn, string Statement, string Policy) : PlanStep
{
    public const string StatementId = "TocsinAllowCloudWatchAlarms";

    public override StepChange Change => StepChange.Update;

    protected override string KeyOf() => $"topic-policy:{TopicArn}";

    public override string Describe() => $"add a statement to the access policy of topic {TopicArn.Split(':')[^1]} that lets cloudwatch.amazonaws.com publish, for alarms of account {AccountId} only";
}

/// <summary>PutKeyPolicy with <see cref="Policy"/>: the key's policy with a statement letting CloudWatch use the key added.</summary>
public sealed record AllowCloudWatchToUseKey(string KeyId, string TopicArn, string Statement, string Policy) : PlanStep
{
    public const string StatementId = "TocsinAllowCloudWatchToUseTheKey";

    public override StepChange Change => StepChange.Update;

    protected override string KeyOf() => $"key-policy:{KeyId}";

    public override string Describe() => $"add a statement to the policy of key {KeyId} that lets cloudwatch.amazonaws.com use it (kms:Decrypt, kms:GenerateDataKey*), so alarms can publish to topic {TopicArn.Split(':')[^1]}";
}

/// <summary>
/// A topic encrypted with the AWS managed key aws/sns, whose policy nobody can edit: create a customer managed key
/// CloudWatch may use, give it an alias, and switch the topic to it.
/// </summary>
public sealed record EncryptTopicWithNewKey(string TopicArn, string KeyAlias, string KeyPolicy) : PlanStep
{
    public override StepChange Change => StepChange.Create;

    protected override string KeyOf() => $"new-key:{TopicArn}";

    public override string Describe() => $"create customer managed key {KeyAlias} that CloudWatch may use and encrypt topic {TopicArn.Split(':')[^1]} with it (the AWS managed key aws/sns cannot be opened to CloudWatch)";
}

/// <summary>Subscribe an endpoint to the topic. Email and HTTP(S) endpoints must confirm before they receive alarms.</summary>
public sealed record Subscribe(string TopicArn, string Protocol, string Endpoint) : PlanStep
{
    public override StepChange Change => StepChange.Create;

    protected override string KeyOf() => $"subscribe:{TopicArn}:{Protocol}:{Endpoint}";

    /// <summary>SNS keeps these PendingConfirmation until the recipient confirms.</summary>
    public bool NeedsConfirmation => Protocol is "email" or "email-json" or "http" or "https";

    public override string Describe() => NeedsConfirmation
        ? $"subscribe {Protocol} {Endpoint} to topic {TopicArn.Split(':')[^1]} (the recipient must confirm before alarms reach them)"
        : $"subscribe {Protocol} {Endpoint} to topic {TopicArn.Split(':')[^1]}";
}

/// <summary>
/// PutMetricAlarm with every setting: a new alarm, or an existing one sent back whole with only what is broken changed
/// (PutMetricAlarm overwrites the whole alarm, so nothing it had may be left out).
/// </summary>
public sealed record PutAlarm(AlarmSettings Settings, bool Exists, string ControlId) : PlanStep
{
    public override StepChange Change => Exists ? StepChange.Update : StepChange.Create;

    protected override string KeyOf() => $"alarm:{AccountId}:{Region}:{Settings.AlarmName}";

    public override string Describe() => Exists
        ? $"update alarm {Settings.AlarmName}: {Settings.Statistic} of {Settings.Namespace}/{Settings.MetricName} {Comparison} {Settings.Threshold} over {Settings.Period} s, notifying {string.Join(", ", Settings.AlarmActions.Select(a => a.Split(':')[^1]))}, other settings kept"
        : $"create alarm {Settings.AlarmName}: {Settings.Statistic} of {Settings.Namespace}/{Settings.MetricName} {Comparison} {Settings.Threshold} over {Settings.Period} s, notifying {string.Join(", ", Settings.AlarmActions.Select(a => a.Split(':')[^1]))}";

    private string Comparison => Settings.ComparisonOperator switch
    {
        "GreaterThanOrEqualToThreshold" => ">=",
        "GreaterThanThreshold" => ">",
        "LessThanThreshold" => "<",
        "LessThanOrEqualToThreshold" => "<=",
        var other => other,
    };
}

/// <summary>EnableAlarmActions on an alarm whose actions were disabled.</summary>
public sealed record EnableAlarmActions(string AlarmName, string AlarmArn) : PlanStep
{
    public override StepChange Change => StepChange.Update;

    protected override string KeyOf() => $"enable-actions:{AlarmArn}";

    public override string Describe() => $"enable the actions of alarm {AlarmName}";
}

/// <summary>What only a person can do, such as confirming a subscription from the e-mail SNS sent; renderers print it as a note.</summary>
/// <param name="TopicArn">The topic whose pending subscription the person confirms, when that is the task.</param>
public sealed record ManualStep(string What, string? TopicArn = null) : PlanStep
{
    public override StepChange Change => StepChange.Update;

    protected override string KeyOf() => $"manual:{AccountId}:{Region}:{What}";

    public override string Describe() => $"by hand: {What}";
}

/// <summary>Every setting PutMetricAlarm takes that Tocsin reads, for a single-metric alarm.</summary>
public sealed record AlarmSettings(
    string AlarmName,
    string MetricName,
    string Namespace,
    string Statistic,
    int Period,
    int EvaluationPeriods,
    int? DatapointsToAlarm,
    double Threshold,
    string ComparisonOperator,
    string? TreatMissingData,
    bool ActionsEnabled,
    IReadOnlyList<string> AlarmActions,
    IReadOnlyList<string> OkActions,
    IReadOnlyList<string> InsufficientDataActions,
    IReadOnlyList<AlarmDimension> Dimensions,
    string? Description);

/// <summary>A dimension name and value an alarm watches.</summary>
public sealed record AlarmDimension(string Name, string Value);
