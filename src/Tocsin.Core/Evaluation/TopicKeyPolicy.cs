using System.Text.Json;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// Whether the key policy of a customer managed KMS key lets CloudWatch alarms publish to a topic the key encrypts.
/// SNS asks KMS on the publisher's behalf for <c>kms:GenerateDataKey</c> and <c>kms:Decrypt</c>, so the policy must
/// allow both to the service principal <c>cloudwatch.amazonaws.com</c> (or to everyone) and deny neither. A grant to
/// the account root (<c>arn:aws:iam::ACCOUNT:root</c>) does not count: it delegates the key to the account's IAM
/// principals, never to a service principal. Conditions on <c>aws:SourceAccount</c> and <c>aws:SourceArn</c> are
/// checked against the alarm; any other condition, and any <c>NotPrincipal</c> or <c>NotAction</c>, makes the answer
/// undecided rather than yes or no.
/// </summary>
internal static class TopicKeyPolicy
{
    /// <summary>The actions CloudWatch needs, as a key policy names them (the AWS documentation's statement).</summary>
    private static readonly (string Action, string Named)[] Needed = [("kms:Decrypt", "kms:Decrypt"), ("kms:GenerateDataKey", "kms:GenerateDataKey*")];

    /// <param name="Missing">On <see cref="PolicyAnswer.Denies"/>, the actions CloudWatch is not allowed or is denied.</param>
    public sealed record Result(PolicyAnswer Answer, IReadOnlyList<string> Missing, bool Denied = false);

    public static Result LetsCloudWatchUseKey(string policyJson, string alarmArn) =>
        LetsServiceUseKey(policyJson, "cloudwatch.amazonaws.com", alarmArn);

    /// <summary>
    /// The same question for any service principal that publishes for a resource of its own: CloudWatch for an
    /// alarm, EventBridge (<c>events.amazonaws.com</c>, which sends no <c>AWS:SourceOwner</c>) for a rule.
    /// </summary>
    public static Result LetsServiceUseKey(string policyJson, string service, string sourceArn)
    {
        if (PolicyStatements.Read(policyJson) is not { } statements)
        {
            return new Result(PolicyAnswer.Undecided, []);
        }

        if (statements.Any(s => s.ValueKind != JsonValueKind.Object || s.TryGetProperty("NotPrincipal", out _) || s.TryGetProperty("NotAction", out _)))
        {
            return new Result(PolicyAnswer.Undecided, []);
        }

        var relevant = statements.Where(s => NamesService(s, service)).ToList();
        var denies = relevant.Where(s => PolicyStatements.Effect(s) == "Deny").ToList();
        var denied = Needed.Where(n => denies.Any(s => !PolicyStatements.HasCondition(s) && Covers(s, n.Action))).Select(n => n.Named).ToList();
        if (denied.Count > 0)
        {
            return new Result(PolicyAnswer.Denies, denied, Denied: true);
        }

        var undecided = denies.Any(s => Needed.Any(n => Covers(s, n.Action)));
        var allows = relevant.Where(s => PolicyStatements.Effect(s) == "Allow").ToList();
        var missing = new List<string>();
        foreach (var (action, named) in Needed)
        {
            var holds = allows.Where(s => Covers(s, action)).Select(s => SourceConditions.Hold(s, sourceArn, sourceOwnerAbsent: service == EventBridgePrincipal.Service)).ToList();
            if (holds.Contains(true))
            {
                continue;
            }

            if (holds.Contains(null))
            {
                undecided = true;
            }
            else
            {
                missing.Add(named);
            }
        }

        return missing.Count > 0 && !undecided ? new Result(PolicyAnswer.Denies, missing)
            : undecided ? new Result(PolicyAnswer.Undecided, [])
            : new Result(PolicyAnswer.Allows, []);
    }

    private static bool Covers(JsonElement statement, string action) =>
        PolicyStatements.Strings(statement, "Action").Any(pattern => PolicyStatements.Matches(pattern, action));

    private static bool NamesService(JsonElement statement, string service)
    {
        if (!statement.TryGetProperty("Principal", out var principal))
        {
            return false;
        }

        if (principal.ValueKind == JsonValueKind.String)
        {
            return principal.GetString() == "*";
        }

        return PolicyStatements.Strings(principal, "Service").Contains(service)
            || PolicyStatements.Strings(principal, "AWS").Contains("*");
    }
}
