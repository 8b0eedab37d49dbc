using Tocsin.Aws.Clients;
using Tocsin.Aws.Http;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Apply;

/// <summary>The way from a trail to CloudWatch Logs: the log group, the role CloudTrail assumes, the trail's delivery settings.</summary>
internal static class LogDeliveryStepApplier
{
    public static async Task<(StepOutcome, string)> LogGroupAsync(ApplyContext context, CreateLogGroup step, CancellationToken cancellationToken)
    {
        if ((await context.Logs.DescribeLogGroupsByPrefixAsync(context.Region, step.LogGroupName, cancellationToken)).Contains(step.LogGroupName, StringComparer.Ordinal))
        {
            return (StepOutcome.AlreadyDone, $"log group {step.LogGroupName} exists");
        }

        try
        {
            context.Writing();
            await context.Logs.CreateLogGroupAsync(context.Region, step.LogGroupName, cancellationToken);
            return (StepOutcome.Applied, $"created log group {step.LogGroupName}");
        }
        catch (AwsServiceException exists) when (exists.Code == "ResourceAlreadyExistsException")
        {
            return (StepOutcome.AlreadyDone, $"log group {step.LogGroupName} exists");
        }
    }

    /// <summary>A new role, or an existing one of that name that CloudTrail may assume and that has the planned inline policy.</summary>
    public static async Task<(StepOutcome, string)> RoleAsync(ApplyContext context, CreateLogDeliveryRole step, CancellationToken cancellationToken)
    {
        var role = await context.Iam.GetRoleAsync(step.RoleName, cancellationToken);
        if (role is null)
        {
            context.Writing();
            await context.Iam.CreateRoleAsync(step.RoleName, step.TrustPolicy, "Lets CloudTrail deliver a trail's events to CloudWatch Logs (made by tocsin remediate)", cancellationToken);
            context.Writing();
            await context.Iam.PutRolePolicyAsync(step.RoleName, step.PolicyName, step.RolePolicy, cancellationToken);
            context.Run.RolesChanged.Add(context.Step.AccountId);
            return (StepOutcome.Applied, $"created role {step.RoleName} with policy {step.PolicyName}");
        }

        if (role.TrustPolicy?.Contains("cloudtrail.amazonaws.com", StringComparison.Ordinal) != true && !context.Force)
        {
            throw new StepRefusedException($"role {step.RoleName} already exists and does not trust cloudtrail.amazonaws.com; Tocsin does not change a role's trust policy: give it CloudTrail's trust by hand, or remove the name clash");
        }

        var policy = await context.Iam.GetRolePolicyAsync(step.RoleName, step.PolicyName, cancellationToken);
        if (ApplyContext.SameJson(policy, step.RolePolicy))
        {
            return (StepOutcome.AlreadyDone, $"role {step.RoleName} exists with policy {step.PolicyName}");
        }

        if (policy is not null && !context.Force)
        {
            throw new StepRefusedException($"role {step.RoleName} already has an inline policy {step.PolicyName} that differs from the planned one; run with --force to replace it");
        }

        context.Writing();
        await context.Iam.PutRolePolicyAsync(step.RoleName, step.PolicyName, step.RolePolicy, cancellationToken);
        context.Run.RolesChanged.Add(context.Step.AccountId);
        return (StepOutcome.Applied, policy is null ? $"added policy {step.PolicyName} to existing role {step.RoleName}" : $"replaced policy {step.PolicyName} of role {step.RoleName} (--force)");
    }

    public static async Task<(StepOutcome, string)> DeliverAsync(ApplyContext context, DeliverTrailToLogs step, CancellationToken cancellationToken)
    {
        var trail = await TrailStepApplier.FindAsync(context, step.TrailArn, cancellationToken)
            ?? throw new StepRefusedException($"trail {step.TrailName} is no longer in {context.Region}");
        if (TrailStepApplier.SameLogGroup(trail.CloudWatchLogsLogGroupArn, step.LogGroupArn) && trail.CloudWatchLogsRoleArn == step.RoleArn)
        {
            return (StepOutcome.AlreadyDone, $"trail {step.TrailName} delivers to the planned log group through {step.RoleArn.Split('/')[^1]}");
        }

        string? seenGroupArn = null;
        if (context.Seen?.Trails.TryGetValue(out var trails) == true && trails.FirstOrDefault(t => t.Arn == step.TrailArn) is { } seenTrail)
        {
            seenTrail.CloudWatchLogsLogGroupArn.TryGetValue(out seenGroupArn);
        }

        if (trail.CloudWatchLogsLogGroupArn is { } current && !context.Force && !TrailStepApplier.SameLogGroup(current, seenGroupArn))
        {
            throw new StepRefusedException($"trail {step.TrailName} now delivers to {current}, which the plan did not see; run with --force to switch it to the planned log group");
        }

        await TrailStepApplier.WithPropagationAsync(context, () => context.CloudTrail.UpdateTrailAsync(context.Region, step.TrailArn, new TrailUpdate(LogGroupArn: step.LogGroupArn, RoleArn: step.RoleArn), cancellationToken), cancellationToken);
        return (StepOutcome.Applied, $"trail {step.TrailName} now delivers to the log group through role {step.RoleArn.Split('/')[^1]}");
    }
}
