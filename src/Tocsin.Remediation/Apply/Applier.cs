using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Apply;

/// <summary>
/// Makes the calls of a plan, in plan order, in each step's account and region. Each step reads what is there first
/// and writes only what is missing, merged into what it finds (policies, selectors, alarm settings), so a second apply
/// writes nothing. A same-named resource the plan did not see is not overwritten without <see cref="ApplyOptions.Force"/>.
/// The first failure stops the apply; nothing is ever deleted.
/// </summary>
/// <param name="sessionFor">The session for an account (the caller's own, or a role assumed in it).</param>
public sealed class Applier(Func<string, AwsSession> sessionFor, ApplyOptions? options = null)
{
    private readonly ApplyOptions _options = options ?? new ApplyOptions();

    /// <param name="seen">The inventory the plan was made from: what the plan knowingly replaces.</param>
    public async Task<ApplyReport> ApplyAsync(RemediationPlan plan, CloudInventory? seen, CancellationToken cancellationToken = default)
    {
        var run = new ApplyRun();
        var results = new List<StepResult>();
        var failed = false;
        foreach (var step in plan.Steps)
        {
            if (failed)
            {
                results.Add(new StepResult(step, StepOutcome.NotRun, "not tried: an earlier step failed"));
                continue;
            }

            var result = await ApplyStepAsync(step, seen, run, cancellationToken);
            failed = result.Outcome == StepOutcome.Failed;
            results.Add(result);
        }

        return new ApplyReport(results, run.Writes);
    }

    private async Task<StepResult> ApplyStepAsync(PlanStep step, CloudInventory? seen, ApplyRun run, CancellationToken cancellationToken)
    {
        if (step is ManualStep manual)
        {
            return new StepResult(step, StepOutcome.ByHand, manual.What);
        }

        try
        {
            var context = new ApplyContext(sessionFor(step.AccountId), step, seen, _options, run);
            var (outcome, detail) = step switch
            {
                CreateTrailBucket bucket => await TrailStepApplier.BucketAsync(context, bucket, cancellationToken),
                CreateTrail trail => await TrailStepApplier.CreateTrailAsync(context, trail, cancellationToken),
                StartLogging logging => await TrailStepApplier.StartLoggingAsync(context, logging, cancellationToken),
                MakeTrailMultiRegion multiRegion => await TrailStepApplier.MultiRegionAsync(context, multiRegion, cancellationToken),
                RecordManagementEvents selectors => await SelectorStepApplier.ApplyAsync(context, selectors, cancellationToken),
                CreateLogGroup group => await LogDeliveryStepApplier.LogGroupAsync(context, group, cancellationToken),
                CreateLogDeliveryRole role => await LogDeliveryStepApplier.RoleAsync(context, role, cancellationToken),
                DeliverTrailToLogs deliver => await LogDeliveryStepApplier.DeliverAsync(context, deliver, cancellationToken),
                PutMetricFilter filter => await AlarmStepApplier.FilterAsync(context, filter, cancellationToken),
                PutAlarm alarm => await AlarmStepApplier.AlarmAsync(context, alarm, cancellationToken),
                EnableAlarmActions enable => await AlarmStepApplier.EnableActionsAsync(context, enable, cancellationToken),
                CreateTopic topic => await TopicStepApplier.TopicAsync(context, topic, cancellationToken),
                AllowCloudWatchToPublish publish => await TopicStepApplier.TopicPolicyAsync(context, publish, cancellationToken),
                AllowCloudWatchToUseKey key => await TopicStepApplier.KeyPolicyAsync(context, key, cancellationToken),
                EncryptTopicWithNewKey newKey => await TopicStepApplier.NewKeyAsync(context, newKey, cancellationToken),
                Subscribe subscribe => await TopicStepApplier.SubscribeAsync(context, subscribe, cancellationToken),
                _ => throw new StepRefusedException($"apply does not know how to make a {step.GetType().Name} step"),
            };
            return new StepResult(step, outcome, detail);
        }
        catch (StepRefusedException refused)
        {
            return new StepResult(step, StepOutcome.Failed, refused.Message);
        }
        catch (AwsServiceException problem)
        {
            return new StepResult(step, StepOutcome.Failed, $"{problem.Action} failed: {problem.Code}: {problem.AwsMessage}");
        }
        catch (Exception problem) when (problem is Aws.Collection.CollectionException or Aws.Protocols.AwsProtocolException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            return new StepResult(step, StepOutcome.Failed, problem.Message);
        }
    }
}
