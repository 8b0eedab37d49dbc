namespace Tocsin.Core.Inventory;

/// <summary>
/// Log group ARNs come in two spellings: DescribeLogGroups and CloudTrail's CloudWatchLogsLogGroupArn end
/// in <c>:*</c>, IaC often does not. Comparisons go through here so both spellings meet.
/// </summary>
public static class LogGroupArns
{
    /// <summary>The ARN without a trailing <c>:*</c>.</summary>
    public static string Normalize(string arn) => arn.EndsWith(":*", StringComparison.Ordinal) ? arn[..^2] : arn;

    public static bool Same(string left, string right) => Normalize(left) == Normalize(right);

    /// <summary>The account, region and name in a log group ARN, or null when it is not one.</summary>
    public static (string AccountId, string Region, string Name)? Parse(string arn)
    {
        // arn:partition:logs:region:account:log-group:name[:*]
        var parts = Normalize(arn).Split(':', 7);
        if (parts.Length != 7 || parts[0] != "arn" || parts[2] != "logs" || parts[5] != "log-group")
        {
            return null;
        }

        return (parts[4], parts[3], parts[6]);
    }
}
