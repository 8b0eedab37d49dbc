using Tocsin.Core.Controls;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// Follows one EventBridge rule for one control: enabled, a pattern that catches the control's events (judged as a
/// metric filter's is), a target, and for an SNS target the topic's permission for whoever publishes (EventBridge as
/// <c>events.amazonaws.com</c>, or the target's role), its key, and a confirmed subscription. A target that forwards
/// to another bus is followed into that bus's rules; any other target is delivery Tocsin cannot prove.
/// </summary>
internal sealed class EventRuleWalk(CloudInventory inventory, Control control, FilterJudge judge, EvaluationOptions options)
{
    /// <summary>How many buses one event may be forwarded through before Tocsin stops following it.</summary>
    private const int ForwardingLimit = 4;

    private readonly EventRuleCandidates _candidates = new(control, judge, options);

    public IReadOnlyList<EventRule> Candidates(IReadOnlyList<EventRule> rules) => _candidates.Of(rules);

    /// <param name="forwardedThrough">The buses the event was forwarded through to reach this rule.</param>
    public IEnumerable<ChainResult> Rule(ChainWalk walk, EventRule rule, IReadOnlyList<string> forwardedThrough)
    {
        var region = RegionOf(rule.Arn);
        var name = $"rule {rule.Name} in {region}";
        walk = walk.At(rule.Arn);
        if (rule.State.Is(state => state == EventRuleState.Disabled))
        {
            return [walk.Fail(ReasonCode.EventBridgeRuleDisabled, $"{name} is disabled: it matches nothing")];
        }

        walk = rule.State.IsKnown ? walk : walk.Unseen(rule.State.Unknown, $"the state of {name}");
        if (!rule.EventPattern.TryGetValue(out var pattern) || pattern is null)
        {
            return [walk.Blocked(rule.EventPattern.Unknown, $"the event pattern of {name}")];
        }

        var verdict = judge.JudgeEventPattern(control, pattern);
        walk = walk with { Verdict = verdict, PatternText = pattern };
        if (verdict.Kind == VerdictKind.Unparseable)
        {
            return [walk.Error(ReasonCode.PatternUnparseable, $"{name} has an event pattern Tocsin cannot read: {verdict.Explanation}")];
        }

        if (!VerdictPolicy.Passes(verdict, options.Strict))
        {
            var reason = verdict.Kind == VerdictKind.NeverFires ? ReasonCode.EventBridgePatternNeverFires : ReasonCode.EventBridgePatternInsufficient;
            return [walk.Fail(reason, $"the event pattern of {name} does not catch the control's events: {verdict.Explanation}")];
        }

        if (rule.State.Is(state => state == EventRuleState.Enabled) && ReadOnlyPopulations() is [_, ..] readOnly)
        {
            return [walk.Fail(ReasonCode.EventBridgePatternInsufficient,
                $"{name} is ENABLED, which receives no read-only management events from CloudTrail ({string.Join(", ", readOnly)}); only ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS does")];
        }

        walk = walk.Held();
        if (!rule.Targets.TryGetValue(out var targets))
        {
            return [walk.Blocked(rule.Targets.Unknown, $"the targets of {name}")];
        }

        if (targets.Count == 0)
        {
            return [walk.Fail(ReasonCode.EventBridgeNoTarget, $"{name} catches the control's events but has no target: nobody hears of them")];
        }

        return targets.SelectMany(target => Target(walk.Held(), rule, name, target, forwardedThrough));
    }

    /// <summary>The populations the control alerts on that CloudTrail records as read-only (an ENABLED rule never sees them).</summary>
    private List<string> ReadOnlyPopulations() =>
    [
        .. control.Corpus
            .Where(record => record.Alerts && record.Event.TryGetProperty("readOnly", out var readOnly) && readOnly.ValueKind == System.Text.Json.JsonValueKind.True)
            .Select(record => record.Population)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    private IEnumerable<ChainResult> Target(ChainWalk walk, EventRule rule, string name, EventTarget target, IReadOnlyList<string> forwardedThrough)
    {
        var parts = target.Arn.Split(':');
        var service = parts.Length > 2 ? parts[2] : "";
        if (service == "sns" && parts.Length == 6)
        {
            // "The targets you associate with a rule must be in the same Region as the rule" (AWS knowledge center,
            // sns-not-getting-eventbridge-notification): only an event bus may be in another region
            return parts[3] == RegionOf(rule.Arn)
                ? [Topic(walk, rule, name, target)]
                : [walk.At(target.Arn).Fail(ReasonCode.EventBridgeNoTarget, $"{name} targets topic {parts[5]} in {parts[3]}, but a rule's targets must be in the rule's own region: EventBridge delivers nothing there (forward to an event bus in {parts[3]} instead)")];
        }

        if (service == "events" && parts.Length > 5 && parts[5].StartsWith("event-bus/", StringComparison.Ordinal))
        {
            return Forward(walk, rule, name, target, forwardedThrough);
        }

        return [walk.At(target.Arn).Error(ReasonCode.Unresolved,
            $"{name} delivers to {DescribeTarget(service, parts)} ({target.Arn}): Tocsin cannot prove that anyone hears of it (an SNS topic with a confirmed subscription, or a bus whose rules reach one, is proof)")];
    }

    private static string DescribeTarget(string service, string[] parts) => service switch
    {
        "lambda" => "a Lambda function",
        "sqs" => "an SQS queue",
        "events" when parts.Length > 5 && parts[5].StartsWith("api-destination/", StringComparison.Ordinal) => "an API destination",
        "states" => "a Step Functions state machine",
        "logs" => "a CloudWatch Logs log group",
        "kinesis" or "firehose" => "a stream",
        _ => $"a {(service.Length == 0 ? "non-ARN" : service)} target",
    };

    private ChainResult Topic(ChainWalk walk, EventRule rule, string name, EventTarget target)
    {
        var parts = target.Arn.Split(':');
        var topicName = parts[5];
        walk = walk.At(target.Arn);
        var region = inventory.FindAccount(parts[4])?.FindRegion(parts[3]);
        if (region is null)
        {
            return walk.Blocked(new Unknown(UnknownReason.NotCollected, $"{target.Arn} is in an account or region that was not scanned"), $"topic {topicName}");
        }

        if (!region.Topics.TryGetValue(out var topics))
        {
            return walk.Blocked(region.Topics.Unknown, $"the SNS topics in {region.Name}");
        }

        if (topics.FirstOrDefault(t => t.Arn == target.Arn) is not { } topic)
        {
            return walk.Fail(ReasonCode.TopicMissing, $"{name} sends to topic {topicName}, which does not exist");
        }

        if (!target.RoleArn.TryGetValue(out var roleArn))
        {
            walk = walk.Unseen(target.RoleArn.Unknown, $"the role {name} delivers to topic {topicName} with");
        }
        else
        {
            var (checkedWalk, broken) = roleArn is null ? AsEventBridge(walk, rule, topic, topicName) : AsRole(walk, rule, roleArn, topic, topicName);
            if (broken is not null)
            {
                return broken;
            }

            walk = checkedWalk;
        }

        walk = walk.Held();
        if (!topic.Subscriptions.TryGetValue(out var subscriptions))
        {
            return walk.Blocked(topic.Subscriptions.Unknown, $"the subscriptions of topic {topicName}");
        }

        var confirmed = subscriptions.Where(s => s.IsConfirmed).ToList();
        if (confirmed.Count == 0)
        {
            return walk.Fail(ReasonCode.NoConfirmedSubscription, subscriptions.Count == 0
                ? $"topic {topicName}, which {name} notifies, has no subscription: nobody receives the alert"
                : $"topic {topicName}, which {name} notifies, has no confirmed subscription ({subscriptions.Count} pending confirmation): nobody receives the alert yet");
        }

        return walk.Held(confirmed[0].SubscriptionArn).Finish(
            $"{name} notifies topic {topicName}, which has {confirmed.Count} confirmed subscription{(confirmed.Count == 1 ? "" : "s")}");
    }

    /// <summary>EventBridge publishes as <c>events.amazonaws.com</c>: the topic policy and a customer managed key's policy must allow it.</summary>
    private static (ChainWalk Walk, ChainResult? Broken) AsEventBridge(ChainWalk walk, EventRule rule, Topic topic, string topicName)
    {
        if (!topic.Policy.TryGetValue(out var policy))
        {
            walk = walk.Unseen(topic.Policy.Unknown, $"the access policy of topic {topicName}");
        }
        else
        {
            var answer = policy is null ? PolicyAnswer.Denies : TopicPolicy.LetsEventBridgePublish(policy, rule.Arn);
            if (answer == PolicyAnswer.Denies)
            {
                return (walk, walk.Fail(ReasonCode.EventBridgeTopicPolicyDenies,
                    $"the access policy of topic {topicName} does not let events.amazonaws.com publish, so what rule {rule.Name} sends is dropped (the default policy lets CloudWatch alarms publish, not EventBridge)"));
            }

            if (answer == PolicyAnswer.Undecided)
            {
                walk = walk.Unseen(new Unknown(UnknownReason.Unresolved, "the policy has conditions or elements that cannot be evaluated here"), $"whether topic {topicName} lets EventBridge publish");
            }
        }

        if (!topic.KmsMasterKeyId.TryGetValue(out var key))
        {
            return (walk.Unseen(topic.KmsMasterKeyId.Unknown, $"the encryption key of topic {topicName}"), null);
        }

        if (key is null)
        {
            return (walk, null);
        }

        if (TopicKeys.IsAwsManagedSnsKey(key))
        {
            return (walk, walk.Fail(ReasonCode.EventBridgeTopicPolicyDenies,
                $"topic {topicName} is encrypted with the AWS managed key aws/sns, which EventBridge cannot use, so what rule {rule.Name} sends is dropped"));
        }

        var what = $"whether EventBridge may use the encryption key of topic {topicName}";
        if (!topic.KeyPolicy.TryGetValue(out var keyPolicy) || keyPolicy is null)
        {
            return (walk.Unseen(topic.KeyPolicy.Unknown ?? new Unknown(UnknownReason.NotCollected, $"the key policy of {key} was not read"), what), null);
        }

        var verdict = TopicKeyPolicy.LetsServiceUseKey(keyPolicy, EventBridgePrincipal.Service, rule.Arn);
        if (verdict.Answer == PolicyAnswer.Denies)
        {
            return (walk, walk.Fail(ReasonCode.EventBridgeTopicPolicyDenies,
                $"the key policy of {key}, which encrypts topic {topicName}, {(verdict.Denied ? "denies" : "does not allow")} events.amazonaws.com {string.Join(" and ", verdict.Missing)}, so what rule {rule.Name} sends is dropped"));
        }

        return verdict.Answer == PolicyAnswer.Undecided
            ? (walk.Unseen(new Unknown(UnknownReason.Unresolved, "the key policy has conditions or elements that cannot be evaluated here"), what), null)
            : (walk, null);
    }

    /// <summary>
    /// A target with a role publishes as that role: it must trust <c>events.amazonaws.com</c> and allow
    /// <c>sns:Publish</c> on the topic. Its grant counts for a topic of its own account (an identity policy suffices
    /// there); a topic elsewhere would need the topic policy to name the role, which is not judged.
    /// </summary>
    private (ChainWalk Walk, ChainResult? Broken) AsRole(ChainWalk walk, EventRule rule, string roleArn, Topic topic, string topicName)
    {
        var (roleWalk, broken) = Role(walk, rule, roleArn, "sns:Publish", topic.Arn, $"topic {topicName}");
        if (broken is not null)
        {
            return (roleWalk, broken);
        }

        walk = roleWalk;
        if (AccountOf(roleArn) != AccountOf(topic.Arn))
        {
            walk = walk.Unseen(new Unknown(UnknownReason.Unresolved, "a role of another account publishes only where the topic policy names it, which is not judged"), $"whether role {roleArn} may publish to topic {topicName}");
        }

        if (!topic.KmsMasterKeyId.TryGetValue(out var key))
        {
            return (walk.Unseen(topic.KmsMasterKeyId.Unknown, $"the encryption key of topic {topicName}"), null);
        }

        // The AWS managed key lets every principal of its account use it through SNS; a customer managed key's
        // grants to a role (key policy and identity policy together) are not judged.
        return key is null || (TopicKeys.IsAwsManagedSnsKey(key) && AccountOf(roleArn) == AccountOf(topic.Arn))
            ? (walk, null)
            : (walk.Unseen(new Unknown(UnknownReason.Unresolved, "whether a role may use a customer managed key is not judged"), $"whether role {roleArn} may use the encryption key of topic {topicName}"), null);
    }

    /// <summary>The role a target delivers with: it must exist, trust EventBridge for the rule, and allow the action on the resource.</summary>
    private (ChainWalk Walk, ChainResult? Broken) Role(ChainWalk walk, EventRule rule, string roleArn, string action, string resource, string what)
    {
        var owner = inventory.FindAccount(AccountOf(roleArn));
        if (owner is null || !owner.Roles.TryGetValue(out var roles))
        {
            var unknown = owner?.Roles.Unknown ?? new Unknown(UnknownReason.NotCollected, $"account {AccountOf(roleArn)} was not scanned");
            return (walk.Unseen(unknown, $"role {roleArn}, which rule {rule.Name} delivers with"), null);
        }

        if (roles.FirstOrDefault(r => r.Arn == roleArn) is not { } role)
        {
            return (walk, walk.Fail(ReasonCode.EventBridgeTopicPolicyDenies, $"rule {rule.Name} delivers with role {roleArn}, which does not exist, so nothing reaches {what}"));
        }

        if (!role.TrustPolicy.TryGetValue(out var trust))
        {
            walk = walk.Unseen(role.TrustPolicy.Unknown, $"the trust policy of role {role.Name}");
        }
        else
        {
            var trusts = trust is null ? PolicyAnswer.Denies : RoleGrants.TrustsEventBridge(trust, rule.Arn);
            if (trusts == PolicyAnswer.Denies)
            {
                return (walk, walk.Fail(ReasonCode.EventBridgeTopicPolicyDenies, $"role {role.Name}, which rule {rule.Name} delivers with, does not trust events.amazonaws.com, so nothing reaches {what}"));
            }

            if (trusts == PolicyAnswer.Undecided)
            {
                walk = walk.Unseen(new Unknown(UnknownReason.Unresolved, "the trust policy has conditions or elements that cannot be evaluated here"), $"whether role {role.Name} trusts EventBridge");
            }
        }

        var documents = new List<string>();
        foreach (var policies in new[] { role.InlinePolicies, role.AttachedPolicies })
        {
            if (!policies.TryGetValue(out var list))
            {
                walk = walk.Unseen(policies.Unknown, $"the permissions of role {role.Name}");
                continue;
            }

            foreach (var policy in list)
            {
                if (policy.Document.TryGetValue(out var document))
                {
                    documents.Add(document);
                }
                else
                {
                    walk = walk.Unseen(policy.Document.Unknown, $"policy {policy.Name} of role {role.Name}");
                }
            }
        }

        var allows = RoleGrants.Allows(documents, action, resource);
        if (allows == PolicyAnswer.Denies && walk.FirstUnknown is null)
        {
            return (walk, walk.Fail(ReasonCode.EventBridgeTopicPolicyDenies, $"role {role.Name}, which rule {rule.Name} delivers with, is not allowed {action} on {what}, so nothing reaches it"));
        }

        if (allows != PolicyAnswer.Allows)
        {
            walk = walk.Unseen(new Unknown(UnknownReason.Unresolved, "its policies have conditions or elements that cannot be evaluated here"), $"whether role {role.Name} may {action} on {what}");
        }

        if (!role.PermissionsBoundaryArn.TryGetValue(out var boundary) || boundary is not null)
        {
            walk = walk.Unseen(role.PermissionsBoundaryArn.Unknown ?? new Unknown(UnknownReason.NotCollected, $"the permissions boundary {boundary} is not read"), $"whether the permissions boundary of role {role.Name} allows {action}");
        }

        return (walk, null);
    }

    /// <summary>
    /// A target that forwards to another event bus: the event reaches that bus's rules, which must alert. Only default
    /// buses' rules are read; a bus of another account accepts the events only where its resource policy says so,
    /// which is not read.
    /// </summary>
    private IEnumerable<ChainResult> Forward(ChainWalk walk, EventRule rule, string name, EventTarget target, IReadOnlyList<string> forwardedThrough)
    {
        var parts = target.Arn.Split(':');
        var (busRegion, busAccount, busName) = (parts[3], parts[4], parts[5]["event-bus/".Length..]);
        walk = walk.At(target.Arn);
        if (forwardedThrough.Contains(target.Arn, StringComparer.Ordinal) || forwardedThrough.Count >= ForwardingLimit)
        {
            return [walk.Error(ReasonCode.Unresolved, $"{name} forwards to bus {busName} in {busRegion}, which events already passed through: Tocsin does not follow them further")];
        }

        if (!target.RoleArn.TryGetValue(out var roleArn))
        {
            walk = walk.Unseen(target.RoleArn.Unknown, $"the role {name} forwards with");
        }
        else if (roleArn is null)
        {
            walk = walk.Unseen(new Unknown(UnknownReason.Unresolved, "a bus target without an execution role is not judged"), $"whether bus {busName} in {busRegion} accepts what {name} forwards");
        }
        else
        {
            var (roleWalk, broken) = Role(walk, rule, roleArn, "events:PutEvents", target.Arn, $"bus {busName} in {busRegion}");
            if (broken is not null)
            {
                return [broken];
            }

            walk = roleWalk;
        }

        if (busAccount != AccountOf(rule.Arn))
        {
            walk = walk.Unseen(new Unknown(UnknownReason.NotCollected, "the resource policy of a bus in another account is not read"), $"whether bus {busName} of account {busAccount} accepts what {name} forwards");
        }

        if (busName != EventRule.DefaultBus)
        {
            return [walk.Blocked(new Unknown(UnknownReason.NotCollected, "only the rules of default buses are read"), $"the rules on bus {busName} in {busRegion}")];
        }

        var region = inventory.FindAccount(busAccount)?.FindRegion(busRegion);
        if (region is null)
        {
            return [walk.Blocked(new Unknown(UnknownReason.NotCollected, $"account {busAccount} in {busRegion} was not scanned"), $"the rules on the default bus that {name} forwards to")];
        }

        if (!region.EventRules.TryGetValue(out var rules))
        {
            return [walk.Blocked(region.EventRules.Unknown, $"the EventBridge rules in {busRegion} of account {busAccount}")];
        }

        var candidates = Candidates(rules);
        if (candidates.Count == 0)
        {
            return [walk.Fail(ReasonCode.EventBridgeRegionGap, $"{name} forwards to the default bus in {busRegion}{(busAccount == AccountOf(rule.Arn) ? "" : $" of account {busAccount}")}, where no rule alerts on the control's events")];
        }

        var through = forwardedThrough.Append(target.Arn).ToList();
        var where = $"{name} forwards to the default bus in {busRegion}{(busAccount == AccountOf(rule.Arn) ? "" : $" of account {busAccount}")}";
        return candidates.SelectMany(next => Rule(walk.Held(), next, through)).Select(result => result with { Message = $"{where}: {result.Message}" });
    }

    private static string RegionOf(string arn) => arn.Split(':') is [_, _, _, var region, ..] ? region : "";

    private static string AccountOf(string arn) => arn.Split(':') is [_, _, _, _, var account, ..] ? account : "";
}
