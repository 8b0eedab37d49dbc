using System.Text.Json;

namespace Tocsin.Core.Evaluation;

/// <summary>Reading IAM-style policy JSON (topic access policies, key policies): statements, effects, string-or-list values.</summary>
internal static class PolicyStatements
{
    /// <summary>The statements of a policy, a single statement object counting as a list of one; null when the text is not a policy.</summary>
    public static List<JsonElement>? Read(string policyJson)
    {
        try
        {
            using var document = JsonDocument.Parse(policyJson);
            var statement = document.RootElement.GetProperty("Statement").Clone();
            return statement.ValueKind == JsonValueKind.Array ? [.. statement.EnumerateArray()] : [statement];
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public static string? Effect(JsonElement statement) =>
        statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty("Effect", out var effect) && effect.ValueKind == JsonValueKind.String ? effect.GetString() : null;

    public static bool HasCondition(JsonElement statement) =>
        statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty("Condition", out _);

    /// <summary>A property that may be one string or a list of strings, as a list; empty when absent or neither.</summary>
    public static List<string> Strings(JsonElement statement, string property) =>
        statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty(property, out var value) ? Strings(value) : [];

    public static List<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
        _ => [],
    };

    /// <summary>
    /// IAM wildcard matching (<c>*</c> any run, <c>?</c> one character), case-insensitive as action names are. The
    /// classic two-pointer walk that returns to the last <c>*</c>: linear-ish, so no pattern in a policy can make it hang.
    /// </summary>
    public static bool Matches(string pattern, string value)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
