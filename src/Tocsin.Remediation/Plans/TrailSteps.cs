using Tocsin.Core.Inventory;

namespace Tocsin.Remediation.Plans;

/// <summary>An S3 bucket for a new trail's log files, with the bucket policy CloudTrail needs to write there.</summary>
public sealed record CreateTrailBucket(string BucketName, string BucketPolicy) : PlanStep
{
    public override StepChange Change => StepChange.Create;

    protected override string KeyOf() => $"bucket:{BucketName}";

    public override string Describe() => $"create S3 bucket {BucketName} for the trail's log files, with a bucket policy that lets CloudTrail write to it";
}

/// <summary>A new multi-region trail recording every management event (read and write), delivering to a log group.</summary>
public sealed record CreateTrail(string TrailName, string TrailArn, string BucketName, string LogGroupArn, string RoleArn) : PlanStep
{
    public override StepChange Change => StepChange.Create;

    protected override string KeyOf() => $"trail:{TrailArn}";

    public override string Describe() => $"create multi-region trail {TrailName} recording all management events into bucket {BucketName} and log group {LogGroupArns.Parse(LogGroupArn)?.Name}";
}

/// <summary>StartLogging: a trail records nothing until it is started (CreateTrail does not start it).</summary>
public sealed record StartLogging(string TrailName, string TrailArn) : PlanStep
{
    public override StepChange Change => StepChange.Update;

    protected override string KeyOf() => $"start-logging:{TrailArn}";

    public override string Describe() => $"start logging on trail {TrailName}";
}

/// <summary>UpdateTrail IsMultiRegionTrail=true, in the trail's home region.</summary>
public sealed record MakeTrailMultiRegion(string TrailName, string TrailArn) : PlanStep
{
    public override StepChange Change => StepChange.Update;

    protected override string KeyOf() => $"multi-region:{TrailArn}";

    public override string Describe() => $"make trail {TrailName} multi-region, so it records events in every region";
}

/// <summary>
/// PutEventSelectors with the whole new selector list: the trail's own selectors, changed only where they leave out the
/// management events the control needs. Basic or advanced, as the trail already uses. PutEventSelectors replaces the
/// list, so data-event selectors the scan did not read are re-read and kept by apply; a rendered script sends this list.
/// </summary>
public sealed record RecordManagementEvents(
    string TrailName,
    string TrailArn,
    IReadOnlyList<EventSelector>? EventSelectors,
    IReadOnlyList<AdvancedEventSelector>? AdvancedEventSelectors) : PlanStep
{
    public override StepChange Change => StepChange.Update;

    protected override string KeyOf() => $"selectors:{TrailArn}";

    public override string Describe() => AdvancedEventSelectors is not null
        ? $"set trail {TrailName}'s advanced event selectors so it records read and write management events"
        : $"set trail {TrailName}'s event selectors so it records read and write management events";
}

/// <summary>A CloudWatch Logs log group for a trail to deliver to.</summary>
public sealed record CreateLogGroup(string LogGroupName, string LogGroupArn) : PlanStep
{
    public override StepChange Change => StepChange.Create;

    protected override string KeyOf() => $"log-group:{LogGroupArn}";

    public override string Describe() => $"create log group {LogGroupName}";
}

/// <summary>The role CloudTrail assumes to write into the log group: trusted by cloudtrail.amazonaws.com, allowed only CreateLogStream and PutLogEvents on the group's trail streams.</summary>
public sealed record CreateLogDeliveryRole(string RoleName, string RoleArn, string TrustPolicy, string PolicyName, string RolePolicy) : PlanStep
{
    public override StepChange Change => StepChange.Create;

    protected override string KeyOf() => $"role:{RoleArn}";

    public override string Describe() => $"create IAM role {RoleName} that CloudTrail assumes to write to CloudWatch Logs (logs:CreateLogStream and logs:PutLogEvents on the trail's log streams only)";
}

/// <summary>UpdateTrail with CloudWatchLogsLogGroupArn (the <c>:*</c> form) and CloudWatchLogsRoleArn.</summary>
public sealed record DeliverTrailToLogs(string TrailName, string TrailArn, string LogGroupArn, string RoleArn) : PlanStep
{
    public override StepChange Change => StepChange.Update;

    protected override string KeyOf() => $"deliver:{TrailArn}";

    public override string Describe() => $"make trail {TrailName} deliver to log group {LogGroupArns.Parse(LogGroupArn)?.Name} through role {RoleArn.Split('/')[^1]}";
}
