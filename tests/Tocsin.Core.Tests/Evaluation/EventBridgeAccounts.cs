using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;

namespace Tocsin.Core.Tests.Evaluation;

/// <summary>
/// Hand-built accounts that alert through EventBridge: no trail (so the metric-filter chain fails with
/// <c>no-trail</c>), a topic in us-east-1 whose policy lets EventBridge publish and that has a confirmed subscriber,
/// and in each region the rules a test gives.
/// </summary>
internal static class EventBridgeAccounts
{
    public const string AccountId = "111111111111";
    public const string TopicArn = "arn:aws:sns:us-east-1:111111111111:security-alerts";
    public const string RoleArn = "arn:aws:iam::111111111111:role/eventbridge-to-sns";

    /// <summary>The usual sign-in rule (CIS-like): `anything-but "Yes"` also catches an explicit null, so it is broader.</summary>
    public const string SignInPattern = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"eventName":["ConsoleLogin"],"additionalEventData":{"MFAUsed":[{"anything-but":"Yes"}]}}}""";

    public const string EventBridgePolicy = """{"Version":"2012-10-17","Statement":[{"Sid":"AllowEventBridge","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sns:Publish","Resource":"arn:aws:sns:us-east-1:111111111111:security-alerts"}]}""";

    /// <summary>What SNS gives a new topic: the account's principals (and CloudWatch alarms) may publish, EventBridge may not.</summary>
    public const string DefaultPolicy = """{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"__default_statement_ID","Effect":"Allow","Principal":{"AWS":"*"},"Action":["SNS:GetTopicAttributes","SNS:SetTopicAttributes","SNS:AddPermission","SNS:RemovePermission","SNS:DeleteTopic","SNS:Subscribe","SNS:ListSubscriptionsByTopic","SNS:Publish"],"Resource":"arn:aws:sns:us-east-1:111111111111:security-alerts","Condition":{"StringEquals":{"AWS:SourceOwner":"111111111111"}}}]}""";

    public static Control SignIn => ControlCatalog.Default.Find("console-signin-without-mfa")!;

    public static EventRule Rule(string region, string pattern = SignInPattern, EventRuleState state = EventRuleState.Enabled, string name = "console-signin-without-mfa", params EventTarget[] targets) =>
        new(name, $"arn:aws:events:{region}:{AccountId}:rule/{name}", EventRule.DefaultBus, state, pattern, Observed.None<string>(), Observed.None<string>(),
            Observed.Known<IReadOnlyList<EventTarget>>(targets.Length == 0 ? [ToTopic(TopicIn(region))] : targets));

    /// <summary>The alerts topic of a region: a rule's targets must be in the rule's own region.</summary>
    public static string TopicIn(string region) => TopicArn.Replace("us-east-1", region, StringComparison.Ordinal);

    public static EventTarget ToTopic(string arn = TopicArn, string? roleArn = null) =>
        new("alert", arn, Observed.Known(roleArn), EventTargetInput.MatchedEvent);

    public static Topic Topic(string policy = EventBridgePolicy, bool confirmed = true) =>
        new(TopicArn, policy, Observed.None<string>(), Observed.Known<IReadOnlyList<Subscription>>(
            [new Subscription(confirmed ? TopicArn + ":0b6941c7-5d4f-4a3b-9c1e-7f2d8e6a1b20" : Subscription.PendingConfirmation, "email", "secops@example.com")]));

    /// <summary>The same topic in another region: its ARN, and the ARNs its policy and subscriptions name, moved there.</summary>
    private static Topic TopicCopy(Topic topic, string region)
    {
        string Moved(string text) => text.Replace(TopicArn, TopicIn(region), StringComparison.Ordinal);
        return topic with
        {
            Arn = Moved(topic.Arn),
            Policy = topic.Policy.TryGetValue(out var policy) && policy is not null ? Observed<string?>.Known(Moved(policy)) : topic.Policy,
            Subscriptions = topic.Subscriptions.TryGetValue(out var subscriptions)
                ? Observed<IReadOnlyList<Subscription>>.Known([.. subscriptions.Select(s => s with { SubscriptionArn = Moved(s.SubscriptionArn) })])
                : topic.Subscriptions,
        };
    }

    /// <summary>An account read in the given regions (us-east-1 always holds the topic), with each region's rules.</summary>
    public static CloudInventory Build(IReadOnlyDictionary<string, EventRule[]> rules, Topic? topic = null, IReadOnlyList<IamRole>? roles = null, IEnumerable<string>? regions = null)
    {
        var names = (regions ?? rules.Keys).Append("us-east-1").Distinct().Order(StringComparer.Ordinal);
        var built = names.Select(name => new Region(
            name,
            Observed.List<Trail>(),
            Observed.List<LogGroup>(),
            Observed.List<MetricFilter>(),
            Observed.List<Alarm>(),
            name == "us-east-1" ? Observed.List(topic ?? Topic()) : Observed.List(TopicCopy(topic ?? Topic(), name)))
        {
            EventRules = Observed.Known<IReadOnlyList<EventRule>>(rules.TryGetValue(name, out var here) ? here : []),
        }).ToList();
        var account = new Account(AccountId, "signin-alerts", Observed.Known<IReadOnlyList<Region>>(built))
        {
            Roles = Observed.Known(roles ?? []),
        };
        return new CloudInventory(null, [account]);
    }

    /// <summary>The same sign-in rule in each region.</summary>
    public static CloudInventory Everywhere(string pattern = SignInPattern, params string[] regions) =>
        Build(regions.ToDictionary(region => region, region => new[] { Rule(region, pattern) }));

    public static Finding Evaluate(CloudInventory inventory, bool accept = true, bool strict = false, Control? control = null) =>
        new ChainEvaluator(new EvaluationOptions(Strict: strict) { AcceptEventBridge = accept }).Evaluate(inventory, inventory.Accounts[0], control ?? SignIn);
}
