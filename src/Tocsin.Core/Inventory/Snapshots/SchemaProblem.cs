using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>
/// Turns a failed schema evaluation into one sentence about the first bad field: its JSON path
/// (<c>$.accounts[2].regions[0].alarms[1].threshold</c>) and what was wrong in plain words.
/// </summary>
internal static partial class SchemaProblem
{
    public static (string Location, string Problem) Describe(EvaluationResults results, JsonElement root)
    {
        using var schema = JsonDocument.Parse(SnapshotSchema.Text);
        var failures = Failures(results)
            .Select(f => (Failure: f, Segments: Segments(f.Result.InstanceLocation.ToString())))
            .ToList();

        // A failure whose place holds another failure is a parent reporting that a child failed; the children
        // are the bad fields. Of those, report the one that comes first in the file, and at one place the
        // keyword that names the mismatch best.
        var parents = failures
            .SelectMany(f => Enumerable.Range(0, f.Segments.Count).Select(length => string.Join('/', f.Segments.Take(length))))
            .ToHashSet(StringComparer.Ordinal);
        var first = failures
            .Where(f => !parents.Contains(string.Join('/', f.Segments)))
            .OrderBy(f => DocumentOrder(root, f.Segments), DocumentOrderComparer.Instance)
            .ThenBy(f => Rank(f.Failure.Keyword))
            .Select(f => f.Failure)
            .FirstOrDefault();
        if (first.Result is null)
        {
            return ("$", "does not match the snapshot schema");
        }

        var segments = Segments(first.Result.InstanceLocation.ToString());
        var instance = Resolve(root, segments);
        var keywordSchema = ResolveSchema(schema.RootElement, first.Result.SchemaLocation, first.Keyword);
        return (JsonPath(segments), Explain(first.Keyword, first.Message, instance, keywordSchema));
    }

    /// <summary>System.Text.Json appends "LineNumber: 2 | BytePositionInLine: 13." and a path; the caller says where already.</summary>
    public static string WithoutReaderPosition(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd().TrimEnd('.');
    }

    private static IEnumerable<(EvaluationResults Result, string Keyword, string Message)> Failures(EvaluationResults results)
    {
        foreach (var result in (results.Details ?? []).Prepend(results))
        {
            // An "if" that does not hold is how the schema tells a bare value from a wrapper; it is not a fault.
            var evaluationPath = result.EvaluationPath.ToString();
            if (result.IsValid || evaluationPath.Contains("/if", StringComparison.Ordinal))
            {
                continue;
            }

            // oneOf reports no message of its own, only that each branch failed.
            if (OneOfBranch().IsMatch(evaluationPath))
            {
                yield return (result, "oneOf", string.Empty);
            }

            if (result.Errors is null)
            {
                continue;
            }

            foreach (var (keyword, message) in result.Errors)
            {
                yield return (result, keyword, message);
            }
        }
    }

    // Among failures at the same place, the ones that name a concrete mismatch read best.
    private static int Rank(string keyword) => keyword switch
    {
        "type" or "enum" or "const" or "required" or "pattern" or "format" or "minimum" => 0,
        "oneOf" or "anyOf" => 2,
        _ => 1,
    };

    private static string Explain(string keyword, string message, JsonElement? instance, JsonElement? keywordSchema)
    {
        var found = instance is { } value ? JsonKinds.Name(value) : "nothing";
        switch (keyword)
        {
            case "type" when ExpectedTypes().Match(message) is { Success: true } expected:
                return $"expected {expected.Groups[1].Value.Replace(", ", " or ", StringComparison.Ordinal)}, found {found}";
            case "enum" when keywordSchema is { ValueKind: JsonValueKind.Array } options:
                return $"expected one of {string.Join(", ", options.EnumerateArray().Select(o => o.GetRawText()))}, found {Shown(instance)}";
            case "required" when keywordSchema is { ValueKind: JsonValueKind.Array } required && instance is { ValueKind: JsonValueKind.Object } present:
                var missing = required.EnumerateArray().Select(r => r.GetString()!).Where(name => !present.TryGetProperty(name, out _));
                return $"missing required field {string.Join(", ", missing)}";
            case "pattern" when keywordSchema is { } pattern:
                return $"{Shown(instance)} does not match the pattern {pattern.GetString()}";
            case "format":
                return $"{Shown(instance)} is not a date-time (ISO 8601, e.g. 2026-01-31T12:00:00Z)";
            case "minimum" when keywordSchema is { } minimum:
                return $"expected at least {minimum.GetRawText()}, found {Shown(instance)}";
            case "oneOf":
                return "expected exactly one of \"known\" (a value) or \"unknown\" (a reason)";
            case "const" when keywordSchema is { } constant:
                return $"expected {constant.GetRawText()}, found {Shown(instance)}";
            case "":
            case "false":
            case "additionalProperties":
                return "unexpected field";
            default:
                return message;
        }
    }

    private static string Shown(JsonElement? instance)
    {
        if (instance is not { } value)
        {
            return "nothing";
        }

        var text = value.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    private static List<string> Segments(string pointer) =>
        pointer.Length == 0
            ? []
            : [.. pointer.TrimStart('#').Split('/').Skip(1).Select(s => Uri.UnescapeDataString(s).Replace("~1", "/").Replace("~0", "~"))];

    private static string JsonPath(List<string> segments)
    {
        var path = new StringBuilder("$");
        foreach (var segment in segments)
        {
            if (segment.All(char.IsAsciiDigit) && segment.Length > 0)
            {
                path.Append('[').Append(segment).Append(']');
            }
            else if (SimpleName().IsMatch(segment))
            {
                path.Append('.').Append(segment);
            }
            else
            {
                path.Append("['").Append(segment.Replace("'", "\\'")).Append("']");
            }
        }

        return path.ToString();
    }

    private static JsonElement? Resolve(JsonElement root, IEnumerable<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The position of each step of a path among its siblings in the file, so paths sort as the file reads.</summary>
    private static List<int> DocumentOrder(JsonElement root, List<string> segments)
    {
        var order = new List<int>(segments.Count);
        var current = root;
        foreach (var segment in segments)
        {
            if (current.ValueKind == JsonValueKind.Object)
            {
                var index = current.EnumerateObject().TakeWhile(p => p.Name != segment).Count();
                order.Add(index);
                if (!current.TryGetProperty(segment, out current))
                {
                    break;
                }
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                order.Add(index);
                current = current[index];
            }
            else
            {
                break;
            }
        }

        return order;
    }

    private sealed class DocumentOrderComparer : IComparer<List<int>>
    {
        public static readonly DocumentOrderComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }

    private static JsonElement? ResolveSchema(JsonElement schemaRoot, Uri schemaLocation, string keyword)
    {
        // JsonSchema.Net sometimes appends the instance property to the schema location; step back past it.
        var fragment = schemaLocation.IsAbsoluteUri ? schemaLocation.Fragment : schemaLocation.OriginalString;
        var segments = Segments(fragment);
        for (var length = segments.Count; length >= Math.Max(0, segments.Count - 1); length--)
        {
            if (Resolve(schemaRoot, segments.Take(length)) is { ValueKind: JsonValueKind.Object } subschema
                && subschema.TryGetProperty(keyword, out var value))
            {
                return value;
            }
        }

        return null;
    }

    [GeneratedRegex("/oneOf/[0-9]+$")]
    private static partial Regex OneOfBranch();

    // JsonSchema.Net 8: Value is "string" but should be "number, null"
    [GeneratedRegex("should be \"([^\"]+)\"$")]
    private static partial Regex ExpectedTypes();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleName();
}
