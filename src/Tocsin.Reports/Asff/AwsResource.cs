namespace Tocsin.Reports.Asff;

/// <summary>
/// A resource a finding names: a link of its chain (by ARN, or <c>metric-filter:GROUP/NAME</c> for a metric filter,
/// which has no ARN), or the account itself. Carries the resource type in the two spellings the AWS formats use.
/// </summary>
/// <param name="Id">The ARN, the metric filter's evidence entry, or <c>AWS::::Account:ACCOUNT</c>.</param>
/// <param name="Link">The chain link it is, or null for the account.</param>
/// <param name="State">The link's state, or null for the account.</param>
public sealed record AwsResource(string Id, LinkKind? Link, LinkState? State)
{
    /// <summary>The account as Security Hub names it in its own CloudWatch.x findings.</summary>
    public static AwsResource Account(string accountId) => new($"AWS::::Account:{accountId}", null, null);

    /// <summary>
    /// The resources of a finding: the broken (or unseen) link first, or the account when that link names no
    /// resource; then the other links in chain order; the account last when not already first.
    /// </summary>
    public static IReadOnlyList<AwsResource> Of(Tocsin.Core.Findings.Finding finding)
    {
        var links = ChainLinks.Of(finding)
            .Where(link => link.Resource is not null)
            .Select(link => new AwsResource(link.Resource!, link.Kind, link.State))
            .ToList();
        var account = Account(finding.AccountId);
        var first = links.FirstOrDefault(resource => resource.IsStop) ?? account;
        var rest = links.Where(resource => resource != first);
        return first == account ? [first, .. rest] : [first, .. rest, account];
    }

    /// <summary>Whether this is the link that broke or could not be seen.</summary>
    public bool IsStop => State is LinkState.Broken or LinkState.Unseen;

    /// <summary>The ASFF <c>Resource.Type</c>: a Security Hub resource type, or <c>Other</c> where it has none.</summary>
    public string AsffType => Link switch
    {
        null => "AwsAccount",
        LinkKind.Trail => "AwsCloudTrailTrail",
        LinkKind.LogGroup => "AwsLogsLogGroup",
        LinkKind.Alarm => "AwsCloudWatchAlarm",
        LinkKind.Topic => "AwsSnsTopic",
        _ => "Other",
    };

    /// <summary>The CloudFormation resource type, as OCSF resources name AWS types.</summary>
    public string CloudFormationType => Link switch
    {
        null => "AWS::::Account",
        LinkKind.Trail => "AWS::CloudTrail::Trail",
        LinkKind.LogGroup => "AWS::Logs::LogGroup",
        LinkKind.MetricFilter => "AWS::Logs::MetricFilter",
        LinkKind.Alarm => "AWS::CloudWatch::Alarm",
        LinkKind.Topic => "AWS::SNS::Topic",
        LinkKind.EventRule => "AWS::Events::Rule",
        _ => "AWS::SNS::Subscription",
    };

    /// <summary>The partition of an ARN (<c>aws</c>, <c>aws-cn</c>...), or null for what is not an ARN.</summary>
    public string? Partition => ArnPart(1);

    /// <summary>The region of an ARN, or null when it has none or is not an ARN.</summary>
    public string? Region => ArnPart(3);

    /// <summary>The name of a metric filter (it has no ARN); null for the other resources.</summary>
    public string? MetricFilterName =>
        Link == LinkKind.MetricFilter && Id.LastIndexOf('/') is var slash and >= 0 ? Id[(slash + 1)..] : null;

    /// <summary>The link's name as reports print it (<c>metric filter</c>), or <c>account</c>.</summary>
    public string LinkName => Link is { } kind ? new ChainLink(kind, Id, State ?? LinkState.Held).Name : "account";

    /// <summary>The link's state as reports spell it (<c>broken</c>), or null for the account.</summary>
    public string? StateCode => Link is { } kind ? new ChainLink(kind, Id, State ?? LinkState.Held).StateCode : null;

    private string? ArnPart(int index)
    {
        if (!Id.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = Id.Split(':', 6);
        return parts.Length > index && parts[index].Length > 0 ? parts[index] : null;
    }
}
