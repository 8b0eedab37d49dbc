using System.Text.Json.Nodes;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Http;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Apply;

/// <summary>The trail's own steps: its bucket, the trail, logging, multi-region.</summary>
internal static class TrailStepApplier
{
    private static readonly string[] PropagationCodes = ["InvalidCloudWatchLogsLogGroupArnException", "InvalidCloudWatchLogsRoleArnException"];

    /// <summary>A new bucket with CloudTrail's policy; an existing one gets CloudTrail's statements added to its own policy.</summary>
    public static async Task<(StepOutcome, string)> BucketAsync(ApplyContext context, CreateTrailBucket step, CancellationToken cancellationToken)
    {
        if (!await context.S3.HeadBucketAsync(context.Region, step.BucketName, cancellationToken))
        {
            context.Writing();
            await context.S3.CreateBucketAsync(context.Region, step.BucketName, cancellationToken);
            context.Writing();
            await context.S3.PutBucketPolicyAsync(context.Region, step.BucketName, step.BucketPolicy, cancellationToken);
            return (StepOutcome.Applied, $"created bucket {step.BucketName} with CloudTrail's bucket policy");
        }

        var live = await context.S3.GetBucketPolicyAsync(context.Region, step.BucketName, cancellationToken);
        var merged = live;
        foreach (var statement in Statements(step.BucketPolicy))
        {
            merged = PolicyDocuments.WithStatement(merged, statement, step.BucketPolicy);
        }

        if (ApplyContext.SameJson(live, merged))
        {
            return (StepOutcome.AlreadyDone, $"bucket {step.BucketName} exists and lets CloudTrail write");
        }

        context.Writing();
        await context.S3.PutBucketPolicyAsync(context.Region, step.BucketName, merged!, cancellationToken);
        return (StepOutcome.Applied, $"added CloudTrail's statements to the policy of existing bucket {step.BucketName}");
    }

    public static async Task<(StepOutcome, string)> CreateTrailAsync(ApplyContext context, CreateTrail step, CancellationToken cancellationToken)
    {
        if (await FindAsync(context, step.TrailArn, cancellationToken) is not { } existing)
        {
            await WithPropagationAsync(context, () => context.CloudTrail.CreateTrailAsync(context.Region, step.TrailName, step.BucketName, step.LogGroupArn, step.RoleArn, cancellationToken), cancellationToken);
            return (StepOutcome.Applied, $"created multi-region trail {step.TrailName}");
        }

        if (existing.IsMultiRegion == true && SameLogGroup(existing.CloudWatchLogsLogGroupArn, step.LogGroupArn))
        {
            return (StepOutcome.AlreadyDone, $"trail {step.TrailName} exists, multi-region, delivering to the planned log group");
        }

        if (!context.Force)
        {
            throw new StepRefusedException($"trail {step.TrailName} already exists with other settings (multi-region: {existing.IsMultiRegion?.ToString() ?? "unknown"}, log group: {existing.CloudWatchLogsLogGroupArn ?? "none"}); Tocsin does not change a trail the plan did not see: run with --force to make it multi-region and deliver to {LogGroupName(step.LogGroupArn)}");
        }

        await WithPropagationAsync(context, () => context.CloudTrail.UpdateTrailAsync(context.Region, step.TrailArn, new TrailUpdate(true, step.LogGroupArn, step.RoleArn), cancellationToken), cancellationToken);
        return (StepOutcome.Applied, $"updated existing trail {step.TrailName} (--force): multi-region, delivering to {LogGroupName(step.LogGroupArn)}");
    }

    public static async Task<(StepOutcome, string)> StartLoggingAsync(ApplyContext context, StartLogging step, CancellationToken cancellationToken)
    {
        var status = await context.CloudTrail.GetTrailStatusAsync(context.Region, step.TrailArn, cancellationToken);
        if (status.IsLogging == true)
        {
            return (StepOutcome.AlreadyDone, $"trail {step.TrailName} is logging");
        }

        context.Writing();
        await context.CloudTrail.StartLoggingAsync(context.Region, step.TrailName, cancellationToken);
        return (StepOutcome.Applied, $"started logging on trail {step.TrailName}");
    }

    public static async Task<(StepOutcome, string)> MultiRegionAsync(ApplyContext context, MakeTrailMultiRegion step, CancellationToken cancellationToken)
    {
        var trail = await FindAsync(context, step.TrailArn, cancellationToken)
            ?? throw new StepRefusedException($"trail {step.TrailName} is no longer in {context.Region}");
        if (trail.IsMultiRegion == true)
        {
            return (StepOutcome.AlreadyDone, $"trail {step.TrailName} is multi-region");
        }

        context.Writing();
        await context.CloudTrail.UpdateTrailAsync(context.Region, step.TrailArn, new TrailUpdate(MultiRegion: true), cancellationToken);
        return (StepOutcome.Applied, $"made trail {step.TrailName} multi-region");
    }

    /// <summary>The trail of that ARN as its home region lists it; null when there is none.</summary>
    public static async Task<TrailDescription?> FindAsync(ApplyContext context, string trailArn, CancellationToken cancellationToken) =>
        (await context.CloudTrail.DescribeTrailsAsync(context.Region, cancellationToken)).FirstOrDefault(t => t.Arn == trailArn);

    /// <summary>
    /// A trail write that names a delivery role this apply just created may be refused until IAM has propagated it
    /// (CloudTrail answers InvalidCloudWatchLogsLogGroupArnException "Access denied"): it is retried after bounded waits.
    /// </summary>
    public static async Task WithPropagationAsync(ApplyContext context, Func<Task> write, CancellationToken cancellationToken)
    {
        var waits = context.Run.RolesChanged.Contains(context.Step.AccountId) ? context.Options.Waits : [];
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                context.Writing();
                await write();
                return;
            }
            catch (AwsServiceException refused) when (PropagationCodes.Contains(refused.Code) && attempt < waits.Count)
            {
                await context.Options.WaitAsync(waits[attempt], cancellationToken);
            }
        }
    }

    public static bool SameLogGroup(string? a, string? b) => a is not null && b is not null && Core.Inventory.LogGroupArns.Same(a, b);

    private static string LogGroupName(string arn) => Core.Inventory.LogGroupArns.Parse(arn)?.Name ?? arn;

    private static IEnumerable<JsonObject> Statements(string policy) =>
        JsonNode.Parse(policy)?["Statement"] is JsonArray statements ? statements.OfType<JsonObject>().Select(s => (JsonObject)s.DeepClone()) : [];
}
