using System.Text.Json.Serialization;

namespace Tocsin.Core.Inventory;

/// <summary>A subscription to an SNS topic.</summary>
/// <param name="SubscriptionArn">The subscription ARN, or <c>PendingConfirmation</c> / <c>Deleted</c> as SNS reports them.</param>
/// <param name="Protocol">email, sms, https, lambda, sqs, ...</param>
/// <param name="Endpoint">The address or ARN notified.</param>
public sealed record Subscription(
    string SubscriptionArn,
    Observed<string> Protocol,
    Observed<string?> Endpoint,
    Source? Source = null)
{
    public const string PendingConfirmation = "PendingConfirmation";

    /// <summary>A subscription is confirmed when SNS gives it a real ARN rather than a placeholder.</summary>
    [JsonIgnore]
    public bool IsConfirmed => SubscriptionArn.StartsWith("arn:", StringComparison.Ordinal);
}
