using System.Text.Json;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// What an IAM role lets EventBridge do when a target names it (the target's <c>RoleArn</c>): whether its trust policy
/// lets <c>events.amazonaws.com</c> assume it for the rule, and whether its permissions policies allow one action on
/// one resource. A condition, <c>NotAction</c>, <c>NotResource</c> or <c>NotPrincipal</c> makes the answer undecided
/// rather than yes or no.
/// </summary>
internal static class RoleGrants
{
    public static PolicyAnswer TrustsEventBridge(string trustPolicyJson, string ruleArn)
    {
        if (PolicyStatements.Read(trustPolicyJson) is not { } statements)
        {
            return PolicyAnswer.Undecided;
        }

        if (statements.Any(s => s.ValueKind != JsonValueKind.Object || s.TryGetProperty("NotPrincipal", out _) || s.TryGetProperty("NotAction", out _)))
        {
            return PolicyAnswer.Undecided;
        }

        var relevant = statements.Where(s => NamesEventBridge(s) && Covers(s, "sts:AssumeRole")).ToList();
        var denies = relevant.Where(s => PolicyStatements.Effect(s) == "Deny").ToList();
        if (denies.Any(s => !PolicyStatements.HasCondition(s)))
        {
            return PolicyAnswer.Denies;
        }

        var holds = relevant.Where(s => PolicyStatements.Effect(s) == "Allow").Select(s => SourceConditions.Hold(s, ruleArn, sourceOwnerAbsent: true)).ToList();
        return denies.Count > 0 ? PolicyAnswer.Undecided
            : holds.Contains(true) ? PolicyAnswer.Allows
            : holds.Contains(null) ? PolicyAnswer.Undecided
            : PolicyAnswer.Denies;
    }

    /// <summary>Whether the documents together allow <paramref name="action"/> on <paramref name="resource"/> and none denies it.</summary>
    public static PolicyAnswer Allows(IEnumerable<string> documents, string action, string resource)
    {
        var statements = new List<JsonElement>();
        foreach (var document in documents)
        {
            if (PolicyStatements.Read(document) is not { } read)
            {
                return PolicyAnswer.Undecided;
            }

            statements.AddRange(read);
        }

        if (statements.Any(s => s.ValueKind != JsonValueKind.Object || s.TryGetProperty("NotAction", out _) || s.TryGetProperty("NotResource", out _)))
        {
            return PolicyAnswer.Undecided;
        }

        var relevant = statements.Where(s => Covers(s, action) && PolicyStatements.Strings(s, "Resource").Any(pattern => PolicyStatements.Matches(pattern, resource))).ToList();
        var denies = relevant.Where(s => PolicyStatements.Effect(s) == "Deny").ToList();
        if (denies.Any(s => !PolicyStatements.HasCondition(s)))
        {
            return PolicyAnswer.Denies;
        }

        var allows = relevant.Where(s => PolicyStatements.Effect(s) == "Allow").ToList();
        return denies.Count > 0 ? PolicyAnswer.Undecided
            : allows.Any(s => !PolicyStatements.HasCondition(s)) ? PolicyAnswer.Allows
            : allows.Count > 0 ? PolicyAnswer.Undecided
            : PolicyAnswer.Denies;
    }

    private static bool Covers(JsonElement statement, string action) =>
        PolicyStatements.Strings(statement, "Action").Any(pattern => PolicyStatements.Matches(pattern, action));

    private static bool NamesEventBridge(JsonElement statement) =>
        statement.TryGetProperty("Principal", out var principal)
        && (principal.ValueKind == JsonValueKind.String
            ? principal.GetString() == "*"
            : PolicyStatements.Strings(principal, "Service").Contains(EventBridgePrincipal.Service));
}
