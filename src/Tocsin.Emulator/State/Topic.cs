namespace Tocsin.Emulator.State;

/// <summary>An SNS topic: its attributes as AWS reports them and its subscriptions.</summary>
public sealed class Topic(string accountId, string region, string name)
{
    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    public string Name { get; } = name;

    public string Arn => $"arn:aws:sns:{Region}:{AccountId}:{Name}";

    /// <summary>Settable attributes (Policy, DisplayName, KmsMasterKeyId, DeliveryPolicy, ...).</summary>
    public SortedDictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public List<Subscription> Subscriptions { get; } = [];

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>AWS's default topic policy: the owner account may use the topic; nobody else, CloudWatch included.</summary>
    public string DefaultPolicy() =>
        "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
        + "\"Action\":[\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\",\"SNS:AddPermission\",\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\",\"SNS:Publish\"],"
        + $"\"Resource\":\"{Arn}\",\"Condition\":{{\"StringEquals\":{{\"AWS:SourceOwner\":\"{AccountId}\"}}}}}}]}}";
}

/// <summary>
/// A subscription. Email and HTTP(S) endpoints stay pending until confirmed with their token
/// (ConfirmSubscription) or through the emulator's control call; other protocols are confirmed at once.
/// </summary>
public sealed class Subscription(string arn, string topicArn, string protocol, string endpoint, string owner, string token)
{
    public string Arn { get; } = arn;

    public string TopicArn { get; } = topicArn;

    public string Protocol { get; } = protocol;

    public string Endpoint { get; } = endpoint;

    public string Owner { get; } = owner;

    /// <summary>The token AWS would send to the endpoint in the confirmation message.</summary>
    public string Token { get; } = token;

    public bool Confirmed { get; set; }

    public SortedDictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public static bool NeedsConfirmation(string protocol) =>
        protocol is "email" or "email-json" or "http" or "https";
}
