using System.Text.Json;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// The conditions a policy statement may put on a service principal acting for a resource (an alarm, a rule):
/// <c>aws:SourceAccount</c> and <c>aws:SourceArn</c>, checked against that resource. Any other condition is not
/// understood and makes the answer null (undecided), except <c>AWS:SourceOwner</c> when the caller says the service
/// never sends it: then a test on it cannot hold.
/// </summary>
internal static class SourceConditions
{
    /// <summary>True when the statement's conditions hold for <paramref name="sourceArn"/>; null when a condition is not understood.</summary>
    /// <param name="sourceOwnerAbsent">The service sends no <c>AWS:SourceOwner</c> (EventBridge), so a String test on it is false.</param>
    public static bool? Hold(JsonElement statement, string sourceArn, bool sourceOwnerAbsent = false)
    {
        if (!statement.TryGetProperty("Condition", out var condition) || condition.ValueKind != JsonValueKind.Object)
        {
            return PolicyStatements.HasCondition(statement) ? null : true;
        }

        var account = sourceArn.Split(':') is [_, _, _, _, var id, ..] ? id : "";
        foreach (var test in condition.EnumerateObject())
        {
            if (test.Value.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var key in test.Value.EnumerateObject())
            {
                var values = PolicyStatements.Strings(key.Value);
                bool? holds = (test.Name, key.Name.ToLowerInvariant()) switch
                {
                    ("StringEquals" or "ArnEquals", "aws:sourceaccount") => values.Contains(account),
                    ("StringEquals" or "ArnEquals", "aws:sourcearn") => values.Contains(sourceArn),
                    ("StringLike" or "ArnLike", "aws:sourceaccount") => values.Any(v => PolicyStatements.Matches(v, account)),
                    ("StringLike" or "ArnLike", "aws:sourcearn") => values.Any(v => PolicyStatements.Matches(v, sourceArn)),
                    ("StringEquals" or "StringLike", "aws:sourceowner") when sourceOwnerAbsent => false,
                    _ => null,
                };
                if (holds != true)
                {
                    return holds;
                }
            }
        }

        return true;
    }
}
