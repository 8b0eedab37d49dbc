using Tocsin.Core.Controls;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>
/// The names of the chain's resources a plan makes or mends, by kind. A kind the plan names nothing of falls back to
/// the names Tocsin gives what it creates, so the policy still guards the chain Tocsin would deploy.
/// </summary>
internal sealed record ProtectedResources(
    IReadOnlyList<string> Trails,
    IReadOnlyList<string> LogGroups,
    IReadOnlyList<string> Alarms,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Buckets)
{
    public static ProtectedResources Of(RemediationPlan plan)
    {
        var steps = plan.Steps;
        var controls = PlannedControls.Of(plan);
        return new ProtectedResources(
            Names(steps.Select(s => s switch
            {
                CreateTrail t => t.TrailName,
                StartLogging t => t.TrailName,
                MakeTrailMultiRegion t => t.TrailName,
                RecordManagementEvents t => t.TrailName,
                DeliverTrailToLogs t => t.TrailName,
                _ => null,
            }), "tocsin-cis-trail"),
            Names(steps.Select(s => s switch
            {
                CreateLogGroup g => g.LogGroupName,
                PutMetricFilter f => f.LogGroupName,
                DeliverTrailToLogs d => LogGroupName(d.LogGroupArn),
                CreateTrail t => LogGroupName(t.LogGroupArn),
                _ => null,
            }), "tocsin-cloudtrail"),
            Names(steps.Select(s => s switch
            {
                PutAlarm a => a.Settings.AlarmName,
                EnableAlarmActions e => e.AlarmName,
                _ => null,
            }), [.. controls.Select(c => c.AlarmName)]),
            Names(steps.SelectMany(s => s switch
            {
                CreateTopic t => [t.TopicName],
                AllowCloudWatchToPublish p => [LastPart(p.TopicArn)],
                AllowEventBridgeToPublish p => [LastPart(p.TopicArn)],
                AllowEventBridgeToUseKey k => [LastPart(k.TopicArn)],
                PutEventTarget t => [LastPart(t.TopicArn)],
                AllowCloudWatchToUseKey k => [LastPart(k.TopicArn)],
                EncryptTopicWithNewKey e => [LastPart(e.TopicArn)],
                Subscribe subscribe => [LastPart(subscribe.TopicArn)],
                PutAlarm a => a.Settings.AlarmActions.Where(arn => arn.Contains(":sns:", StringComparison.Ordinal)).Select(LastPart),
                _ => Array.Empty<string>(),
            }), "tocsin-cis-alarms"),
            Names(steps.Select(s => s switch
            {
                AllowCloudWatchToUseKey k => KeyId(k.KeyId),
                AllowEventBridgeToUseKey k => KeyId(k.KeyId),
                _ => null,
            })),
            Names(steps.Select(s => s switch
            {
                CreateLogDeliveryRole r => r.RoleName,
                DeliverTrailToLogs d => LastPart(d.RoleArn, '/'),
                CreateTrail t => LastPart(t.RoleArn, '/'),
                _ => null,
            }), "TocsinCloudTrailToLogs"),
            Names(steps.Select(s => s switch
            {
                CreateTrailBucket b => b.BucketName,
                CreateTrail t => t.BucketName,
                _ => null,
            })));
    }

    private static List<string> Names(IEnumerable<string?> names, params string[] defaults)
    {
        var found = names.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return found.Count > 0 ? found : [.. defaults];
    }

    private static string? LogGroupName(string arn) => arn.Split(':') is [_, _, "logs", _, _, "log-group", var name, ..] ? name : null;

    private static string LastPart(string arn) => arn.Split(':')[^1];

    private static string LastPart(string arn, char separator) => arn.Split(separator)[^1];

    /// <summary>A key id from an id or a key ARN; aliases are not key resources, so they are left out.</summary>
    private static string? KeyId(string key) => key.StartsWith("alias/", StringComparison.Ordinal) || key.Contains(":alias/", StringComparison.Ordinal)
        ? null
        : key.Split('/')[^1];
}
