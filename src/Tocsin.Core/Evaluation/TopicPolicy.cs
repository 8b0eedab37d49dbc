using System.Text.Json;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// Whether an SNS topic's access policy lets CloudWatch alarms of the topic's own account publish: an Allow of
/// <c>sns:Publish</c> to <c>cloudwatch.amazonaws.com</c>, to everyone, or to the account (the default policy limits
/// everyone to <c>AWS:SourceOwner</c> = the account), and no Deny of it. A condition this check does not understand
/// makes the answer unknown rather than yes or no.
/// </summary>
internal static class TopicPolicy
{
    private static readonly HashSet<string> OwnAccountConditionKeys = new(StringComparer.OrdinalIgnoreCase) { "AWS:SourceOwner", "aws:SourceAccount" };

    public static PolicyAnswer LetsCloudWatchPublish(string policyJson, string accountId)
    {
        if (PolicyStatements.Read(policyJson) is not { } statements)
        {
            return PolicyAnswer.Undecided;
        }

        var relevant = statements.Where(s => CoversPublish(s) && NamesCloudWatch(s, accountId)).ToList();
        var denies = relevant.Where(s => PolicyStatements.Effect(s) == "Deny").ToList();
        if (denies.Any(s => !s.TryGetProperty("Condition", out _)))
        {
            return PolicyAnswer.Denies;
        }

        var allows = relevant.Where(s => PolicyStatements.Effect(s) == "Allow").ToList();
        if (denies.Count > 0)
        {
            return PolicyAnswer.Undecided;
        }

        if (allows.Any(s => ConditionsHoldForOwnAccount(s, accountId) == true))
        {
            return PolicyAnswer.Allows;
        }

        return allows.Any(s => ConditionsHoldForOwnAccount(s, accountId) is null) ? PolicyAnswer.Undecided : PolicyAnswer.Denies;
    }

    /// <summary>
    /// Whether the policy lets EventBridge publish for <paramref name="ruleArn"/>: an Allow of <c>sns:Publish</c> to
    /// <c>events.amazonaws.com</c> or to everyone, whose conditions (<c>aws:SourceAccount</c>, <c>aws:SourceArn</c>) hold
    /// for the rule, and no Deny of it. A grant to the account does not count (it delegates to the account's IAM
    /// principals, never to a service), and EventBridge sends no <c>AWS:SourceOwner</c>: so a topic with only the
    /// default policy, which alarms publish to, drops what EventBridge sends.
    /// </summary>
    public static PolicyAnswer LetsEventBridgePublish(string policyJson, string ruleArn)
    {
        if (PolicyStatements.Read(policyJson) is not { } statements)
        {
            return PolicyAnswer.Undecided;
        }

        if (statements.Any(s => s.ValueKind != JsonValueKind.Object || s.TryGetProperty("NotPrincipal", out _) || s.TryGetProperty("NotAction", out _)))
        {
            return PolicyAnswer.Undecided;
        }

        var relevant = statements.Where(s => CoversPublish(s) && NamesEventBridge(s)).ToList();
        var denies = relevant.Where(s => PolicyStatements.Effect(s) == "Deny").ToList();
        if (denies.Any(s => !PolicyStatements.HasCondition(s)))
        {
            return PolicyAnswer.Denies;
        }

        if (denies.Count > 0)
        {
            return PolicyAnswer.Undecided;
        }

        var holds = relevant.Where(s => PolicyStatements.Effect(s) == "Allow").Select(s => SourceConditions.Hold(s, ruleArn, sourceOwnerAbsent: true)).ToList();
        return holds.Contains(true) ? PolicyAnswer.Allows
            : holds.Contains(null) ? PolicyAnswer.Undecided
            : PolicyAnswer.Denies;
    }

    private static bool NamesEventBridge(JsonElement statement)
    {
        if (!statement.TryGetProperty("Principal", out var principal))
        {
            return false;
        }

        return principal.ValueKind == JsonValueKind.String
            ? principal.GetString() == "*"
            : PolicyStatements.Strings(principal, "Service").Contains(EventBridgePrincipal.Service) || PolicyStatements.Strings(principal, "AWS").Contains("*");
    }

    private static bool CoversPublish(JsonElement statement) =>
        statement.TryGetProperty("Action", out var action) &&
        PolicyStatements.Strings(action).Any(a => a == "*" || a.Equals("sns:Publish", StringComparison.OrdinalIgnoreCase) || a.Equals("sns:*", StringComparison.OrdinalIgnoreCase));

    private static bool NamesCloudWatch(JsonElement statement, string accountId)
    {
        if (!statement.TryGetProperty("Principal", out var principal))
        {
            return false;
        }

        if (principal.ValueKind == JsonValueKind.String)
        {
            return principal.GetString() == "*";
        }

        var services = principal.TryGetProperty("Service", out var service) ? PolicyStatements.Strings(service) : [];
        var accounts = principal.TryGetProperty("AWS", out var aws) ? PolicyStatements.Strings(aws) : [];
        return services.Contains("cloudwatch.amazonaws.com")
            || accounts.Any(a => a == "*" || a == accountId || a == $"arn:aws:iam::{accountId}:root");
    }

    /// <summary>True when the statement's conditions hold for an alarm of the topic's account; null when not understood.</summary>
    private static bool? ConditionsHoldForOwnAccount(JsonElement statement, string accountId)
    {
        if (!statement.TryGetProperty("Condition", out var condition))
        {
            return true;
        }

        foreach (var test in condition.EnumerateObject())
        {
            foreach (var key in test.Value.EnumerateObject())
            {
                if (!OwnAccountConditionKeys.Contains(key.Name) || !test.Name.StartsWith("String", StringComparison.Ordinal))
                {
                    return null;
                }

                if (!PolicyStatements.Strings(key.Value).Contains(accountId))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
