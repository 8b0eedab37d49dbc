using System.Text.Json.Serialization;

namespace Tocsin.Remediation.Plans;

/// <summary>
/// What it takes to make every failing finding pass: the ordered steps (account by account, in the order the chain
/// needs them), what each finding becomes once they are done, and the findings the plan leaves alone and why.
/// </summary>
public sealed record RemediationPlan(
    PlanOptions Options,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<PlannedFix> Fixes,
    IReadOnlyList<NotPlanned> NotPlanned,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The accounts steps are made in, in plan order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Accounts => [.. Steps.Select(s => s.AccountId).Distinct(StringComparer.Ordinal)];

    [JsonIgnore]
    public bool IsEmpty => Steps.Count == 0;
}

/// <summary>One failing finding and what it becomes after the plan, proved by evaluating the planned inventory.</summary>
/// <param name="Reasons">The reason codes the finding fails with today.</param>
/// <param name="After">pass, awaits-confirmation (a subscriber must confirm) or still-fails.</param>
/// <param name="Note">Why it still fails, or what a person must do.</param>
public sealed record PlannedFix(string ControlId, string AccountId, string? Region, IReadOnlyList<string> Reasons, string After, string? Note);

/// <summary>A finding the plan does not touch: suppressed by an exception, or one that could not be decided (nothing to mend until it is seen).</summary>
public sealed record NotPlanned(string ControlId, string AccountId, string Outcome, string Why);

/// <summary>What the user chose for the plan.</summary>
/// <param name="Notify">Who a new topic notifies (<c>--notify</c>), null when not given.</param>
/// <param name="TopicArn">The topic every alarm should notify (<c>--topic-arn</c>), null to reuse or create one per region.</param>
/// <param name="Namespace">The metric namespace for new filters and alarms (<c>--namespace</c>), null for each control's default.</param>
/// <param name="Variant">An accepted variant to deploy instead of the reference pattern (<c>--variant</c>).</param>
/// <param name="Via">Which chain the plan builds (<c>--via</c>): the CIS metric-filter chain, or an EventBridge rule per region.</param>
public sealed record PlanOptions(NotifyEndpoint? Notify = null, string? TopicArn = null, string? Namespace = null, string? Variant = null, PlanVia Via = PlanVia.MetricFilter)
{
    public static PlanOptions Default { get; } = new();
}

/// <summary>The chain a plan builds to make a control's events reach a person.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanVia>))]
public enum PlanVia
{
    /// <summary>Trail, log group, metric filter, alarm, topic: what CIS asks for.</summary>
    [JsonStringEnumMemberName("metric-filter")]
    MetricFilter,

    /// <summary>An EventBridge rule on each region's default bus that sends the control's events to a topic.</summary>
    [JsonStringEnumMemberName("eventbridge")]
    EventBridge,
}

/// <summary>An SNS subscription endpoint: <c>email:ADDR</c>, <c>https:URL</c>, <c>sqs:ARN</c> or <c>lambda:ARN</c>.</summary>
public sealed record NotifyEndpoint(string Protocol, string Endpoint)
{
    /// <summary>Reads <c>email:ADDR</c>, <c>https:URL</c> (or a bare <c>https://</c> URL), <c>sqs:ARN</c>, <c>lambda:ARN</c>; null with a message when it is not one.</summary>
    public static NotifyEndpoint? Parse(string text, out string? problem)
    {
        problem = null;
        if (text.StartsWith("https://", StringComparison.Ordinal))
        {
            return new NotifyEndpoint("https", text);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (protocol, endpoint) = colon < 0 ? (text, "") : (text[..colon], text[(colon + 1)..]);
        var valid = protocol switch
        {
            "email" => endpoint.Contains('@', StringComparison.Ordinal) && !endpoint.Any(char.IsWhiteSpace),
            "https" => endpoint.StartsWith("https://", StringComparison.Ordinal),
            "sqs" => endpoint.StartsWith("arn:", StringComparison.Ordinal) && endpoint.Contains(":sqs:", StringComparison.Ordinal),
            "lambda" => endpoint.StartsWith("arn:", StringComparison.Ordinal) && endpoint.Contains(":lambda:", StringComparison.Ordinal),
            _ => false,
        };
        if (!valid)
        {
            problem = $"`{text}` is not email:ADDRESS, https:URL, sqs:QUEUE-ARN or lambda:FUNCTION-ARN";
            return null;
        }

        return new NotifyEndpoint(protocol, endpoint);
    }

    public override string ToString() => $"{Protocol}:{Endpoint}";
}
