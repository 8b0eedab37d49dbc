namespace Tocsin.Remediation.Planning;

/// <summary>The names a plan gives what it creates, when nothing that exists can be reused.</summary>
public static class DefaultNames
{
    public const string Trail = "tocsin-cis-trail";
    public const string LogGroup = "tocsin-cloudtrail";
    public const string DeliveryRole = "TocsinCloudTrailToLogs";
    public const string DeliveryRolePolicy = "cloudtrail-writes-log-streams";
    public const string Topic = "tocsin-cis-alarms";
    public const string KeyAlias = "alias/tocsin-cis-alarms";

    /// <summary>Bucket names are global: the account and region make this one the account's own.</summary>
    public static string Bucket(string accountId, string region) => $"tocsin-cloudtrail-{accountId}-{region}";
}
