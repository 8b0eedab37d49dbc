using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Tests.Patterns.Matching;

/// <summary>
/// The JSON pattern rules of SPEC §5 written as plainly as possible over a <see cref="JsonDocument"/>, to check the
/// streaming byte matcher against. Regex values are run as .NET regexes unchanged, so callers only use regexes
/// whose meaning is the same in both flavours.
/// </summary>
internal static class ReferenceJsonEvaluator
{
    public static bool Matches(JsonPattern pattern, string message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message, new JsonDocumentOptions { MaxDepth = 10_000 });
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                return false;
            return Holds(pattern.Expression, root);
        }
    }

    private static bool Holds(JsonExpression expression, JsonElement root) => expression switch
    {
        JsonAnd and => and.Operands.All(operand => Holds(operand, root)),
        JsonOr or => or.Operands.Any(operand => Holds(operand, root)),
        JsonCondition condition => ConditionHolds(condition, Select(root, condition.Selector.Steps)),
        _ => throw new ArgumentException("unknown expression"),
    };

    private static List<JsonElement> Select(JsonElement root, IReadOnlyList<SelectorStep> steps)
    {
        var current = new List<JsonElement> { root };
        foreach (var step in steps)
        {
            var next = new List<JsonElement>();
            foreach (var node in current)
            {
                switch (step)
                {
                    case PropertyStep property when node.ValueKind == JsonValueKind.Object:
                        next.AddRange(node.EnumerateObject().Where(p => p.Name == property.Name).Select(p => p.Value));
                        break;
                    case IndexStep index when node.ValueKind == JsonValueKind.Array && index.Index < node.GetArrayLength():
                        next.Add(node[index.Index]);
                        break;
                    case AnyElementStep or AnyPropertyStep when node.ValueKind == JsonValueKind.Array:
                        next.AddRange(node.EnumerateArray());
                        break;
                    case AnyElementStep or AnyPropertyStep when node.ValueKind == JsonValueKind.Object:
                        next.AddRange(node.EnumerateObject().Select(p => p.Value));
                        break;
                }
            }

            current = next;
        }

        return current;
    }

    private static bool ConditionHolds(JsonCondition condition, List<JsonElement> nodes) =>
        condition.Operator == ComparisonOperator.NotExists ? nodes.Count == 0 : nodes.Any(node => NodeSatisfies(condition, node));

    private static bool NodeSatisfies(JsonCondition condition, JsonElement node)
    {
        switch (condition.Operator)
        {
            case ComparisonOperator.IsNull:
                return node.ValueKind == JsonValueKind.Null;
            case ComparisonOperator.IsTrue:
                return node.ValueKind == JsonValueKind.True;
            case ComparisonOperator.IsFalse:
                return node.ValueKind == JsonValueKind.False;
        }

        if (node.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            return false;

        if (condition.Value is NumberValue number)
        {
            if (node.ValueKind != JsonValueKind.Number)
                return false;
            var value = double.Parse(node.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
            return condition.Operator switch
            {
                ComparisonOperator.Equal => value == number.Number,
                ComparisonOperator.NotEqual => value != number.Number,
                ComparisonOperator.Less => value < number.Number,
                ComparisonOperator.LessOrEqual => value <= number.Number,
                ComparisonOperator.Greater => value > number.Number,
                ComparisonOperator.GreaterOrEqual => value >= number.Number,
                _ => false,
            };
        }

        var text = node.ValueKind == JsonValueKind.String ? node.GetString()! : node.GetRawText();
        bool equal = condition.Value switch
        {
            StringValue s => WildcardEquals(s.Text, text),
            RegexValue r => Regex.IsMatch(text, r.Regex.Body, RegexOptions.CultureInvariant),
            _ => false,
        };
        return condition.Operator switch
        {
            ComparisonOperator.Equal => equal,
            ComparisonOperator.NotEqual => !equal,
            _ => false,
        };
    }

    /// <summary>SPEC §5.4's pseudo-code, line by line.</summary>
    private static bool WildcardEquals(string pattern, string value)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
            return pattern == value;
        var segs = pattern.Split('*');
        if (!value.StartsWith(segs[0], StringComparison.Ordinal))
            return false;
        var pos = segs[0].Length;
        for (var i = 1; i < segs.Length - 1; i++)
        {
            var found = value.IndexOf(segs[i], pos, StringComparison.Ordinal);
            if (found < 0)
                return false;
            pos = found + segs[i].Length;
        }

        var last = segs[^1];
        if (last.Length == 0)
            return true;
        var j = value.IndexOf(last, pos, StringComparison.Ordinal);
        return j >= 0 && j + last.Length == value.Length;
    }
}
