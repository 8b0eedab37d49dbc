using System.Text.Json.Nodes;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Apply;

/// <summary>The alarm topic: the topic, its access policy, its key, its subscriber.</summary>
internal static class TopicStepApplier
{
    public static async Task<(StepOutcome, string)> TopicAsync(ApplyContext context, CreateTopic step, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(context, step.TopicArn, cancellationToken))
        {
            return (StepOutcome.AlreadyDone, $"topic {step.TopicName} exists");
        }

        // CreateTopic with the name only: a topic of that name made meanwhile is returned, not changed.
        context.Writing();
        await context.Sns.CreateTopicAsync(context.Region, step.TopicName, cancellationToken);
        return (StepOutcome.Applied, $"created topic {step.TopicName}");
    }

    /// <summary>The statement merged into the topic's live policy (SetTopicAttributes replaces the whole policy).</summary>
    public static async Task<(StepOutcome, string)> TopicPolicyAsync(ApplyContext context, AllowCloudWatchToPublish step, CancellationToken cancellationToken)
    {
        var live = (await context.Sns.GetTopicAttributesAsync(context.Region, step.TopicArn, cancellationToken)).Policy;
        var statement = (JsonObject)JsonNode.Parse(step.Statement)!;
        var merged = PolicyDocuments.WithStatement(live, statement, AwsDefaultPolicies.Topic(step.TopicArn, step.AccountId));
        if (ApplyContext.SameJson(live, merged))
        {
            return (StepOutcome.AlreadyDone, $"the policy of topic {Name(step.TopicArn)} lets CloudWatch publish");
        }

        context.Writing();
        await context.Sns.SetTopicAttributesAsync(context.Region, step.TopicArn, "Policy", merged, cancellationToken);
        return (StepOutcome.Applied, $"added statement {AllowCloudWatchToPublish.StatementId} to the policy of topic {Name(step.TopicArn)}, keeping its other statements");
    }

    /// <summary>The statement merged into the key's live policy (PutKeyPolicy replaces the whole policy).</summary>
    public static async Task<(StepOutcome, string)> KeyPolicyAsync(ApplyContext context, AllowCloudWatchToUseKey step, CancellationToken cancellationToken)
    {
        var region = RegionOf(step.KeyId, context.Region);
        var key = await context.Kms.DescribeKeyAsync(region, step.KeyId, cancellationToken);
        var applied = await MergeKeyStatementAsync(context, region, key.Arn, (JsonObject)JsonNode.Parse(step.Statement)!, step.Policy, cancellationToken);
        return applied
            ? (StepOutcome.Applied, $"added statement {AllowCloudWatchToUseKey.StatementId} to the policy of key {step.KeyId}, keeping its other statements")
            : (StepOutcome.AlreadyDone, $"the policy of key {step.KeyId} lets CloudWatch use it");
    }

    /// <summary>A customer managed key under the alias (made once: an existing alias is reused), then the topic switched to it.</summary>
    public static async Task<(StepOutcome, string)> NewKeyAsync(ApplyContext context, EncryptTopicWithNewKey step, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        string keyArn;
        try
        {
            var existing = await context.Kms.DescribeKeyAsync(context.Region, step.KeyAlias, cancellationToken);
            keyArn = existing.Arn;
            if (await MergeKeyStatementAsync(context, context.Region, keyArn, PolicyDocuments.KeyUseStatement(), step.KeyPolicy, cancellationToken))
            {
                done.Add($"let CloudWatch use existing key {step.KeyAlias}");
            }
        }
        catch (AwsServiceException missing) when (missing.Code == "NotFoundException")
        {
            context.Writing();
            var keyId = await context.Kms.CreateKeyAsync(context.Region, step.KeyPolicy, $"Encrypts SNS topic {Name(step.TopicArn)}; CloudWatch alarms may use it (made by tocsin remediate)", cancellationToken);
            context.Writing();
            await context.Kms.CreateAliasAsync(context.Region, step.KeyAlias, keyId, cancellationToken);
            keyArn = (await context.Kms.DescribeKeyAsync(context.Region, keyId, cancellationToken)).Arn;
            done.Add($"created key {step.KeyAlias}");
        }

        var current = (await context.Sns.GetTopicAttributesAsync(context.Region, step.TopicArn, cancellationToken)).KmsMasterKeyId;
        if (current != step.KeyAlias && current != keyArn && current != keyArn.Split('/')[^1])
        {
            context.Writing();
            await context.Sns.SetTopicAttributesAsync(context.Region, step.TopicArn, "KmsMasterKeyId", step.KeyAlias, cancellationToken);
            done.Add($"encrypted topic {Name(step.TopicArn)} with it");
        }

        return done.Count == 0
            ? (StepOutcome.AlreadyDone, $"topic {Name(step.TopicArn)} is encrypted with key {step.KeyAlias}, which CloudWatch may use")
            : (StepOutcome.Applied, string.Join("; ", done));
    }

    /// <summary>Subscribes the endpoint unless it is subscribed already (pending confirmation or confirmed).</summary>
    public static async Task<(StepOutcome, string)> SubscribeAsync(ApplyContext context, Subscribe step, CancellationToken cancellationToken)
    {
        var subscriptions = await context.Sns.ListSubscriptionsByTopicAsync(context.Region, step.TopicArn, cancellationToken);
        var existing = subscriptions.FirstOrDefault(s => s.Protocol.Is(p => p == step.Protocol) && s.Endpoint.Is(e => e == step.Endpoint));
        if (existing is not null)
        {
            return (StepOutcome.AlreadyDone, existing.SubscriptionArn == Core.Inventory.Subscription.PendingConfirmation
                ? $"{step.Protocol} {step.Endpoint} is subscribed to topic {Name(step.TopicArn)} and has not confirmed yet"
                : $"{step.Protocol} {step.Endpoint} is subscribed to topic {Name(step.TopicArn)}");
        }

        context.Writing();
        var arn = await context.Sns.SubscribeAsync(context.Region, step.TopicArn, step.Protocol, step.Endpoint, cancellationToken);
        return (StepOutcome.Applied, step.NeedsConfirmation && (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
            ? $"subscribed {step.Protocol} {step.Endpoint} to topic {Name(step.TopicArn)}: SNS sent a confirmation request, which the recipient must accept"
            : $"subscribed {step.Protocol} {step.Endpoint} to topic {Name(step.TopicArn)}");
    }

    private static async Task<bool> MergeKeyStatementAsync(ApplyContext context, string region, string keyArn, JsonObject statement, string whenNone, CancellationToken cancellationToken)
    {
        var live = await context.Kms.GetKeyPolicyAsync(region, keyArn, cancellationToken);
        var merged = PolicyDocuments.WithStatement(live, statement, whenNone);
        if (ApplyContext.SameJson(live, merged))
        {
            return false;
        }

        context.Writing();
        await context.Kms.PutKeyPolicyAsync(region, keyArn, merged, cancellationToken);
        return true;
    }

    private static async Task<bool> ExistsAsync(ApplyContext context, string topicArn, CancellationToken cancellationToken)
    {
        try
        {
            await context.Sns.GetTopicAttributesAsync(context.Region, topicArn, cancellationToken);
            return true;
        }
        catch (AwsServiceException missing) when (missing.Code is "NotFound" or "NotFoundException")
        {
            return false;
        }
    }

    private static string RegionOf(string keyId, string fallback) =>
        keyId.Split(':') is ["arn", _, "kms", var region, ..] ? region : fallback;

    private static string Name(string topicArn) => topicArn.Split(':')[^1];
}
