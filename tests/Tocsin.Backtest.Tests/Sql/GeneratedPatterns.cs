using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace Tocsin.Backtest.Tests.Sql;

/// <summary>
/// JSON filter patterns generated over the fields of the test records: selectors that exist (with indexes), that do
/// not, and with <c>[*]</c>/<c>.*</c>; every operator; string values seen in the records, with <c>*</c> put in;
/// numbers seen in the records and near them; combined with <c>&amp;&amp;</c>, <c>||</c> and parentheses.
/// </summary>
internal static class GeneratedPatterns
{
    public static Gen<string> Pattern(IReadOnlyList<string> records)
    {
        var selectors = new SortedSet<string>(StringComparer.Ordinal);
        var strings = new SortedSet<string>(StringComparer.Ordinal);
        var numbers = new SortedSet<string>(StringComparer.Ordinal) { "0", "1", "-1", "1.5", "1e3", "123.0" };
        foreach (var record in records)
            Collect(JsonNode.Parse(record), "$", depth: 0, selectors, strings, numbers);
        foreach (var known in selectors.ToList())
        {
            var dot = known.LastIndexOf('.');
            if (dot > 1)
            {
                selectors.Add(known[..dot] + ".*");
                selectors.Add(known[..dot] + "[*]" + known[dot..]);
            }

            selectors.Add(known + ".missing");
        }

        var anySelector = Gen.OneOf(selectors.ToArray());
        var text = Gen.OneOf(strings.Where(s => s.All(c => c >= ' ' && c != '"' && c != '\\')).ToArray());
        var wildcarded = Gen.Select(text, Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, 3], (s, a, b, shape) =>
        {
            var i = Math.Min(a, b) * s.Length / 100;
            var j = Math.Max(a, b) * s.Length / 100;
            return shape switch
            {
                0 => s[..i] + "*",
                1 => "*" + s[j..],
                2 => s[..i] + "*" + s[j..],
                _ => s[..i] + "*" + s[i..j] + "*" + s[j..],
            };
        });
        var textValue = Gen.Frequency((3, text), (2, wildcarded), (1, Gen.Const("*"))).Select(s => "\"" + s + "\"");
        var numberValue = Gen.OneOf(numbers.ToArray());
        var condition = Gen.Frequency(
            (6, Gen.Select(anySelector, Gen.OneOf("=", "!="), textValue, (s, op, v) => $"{s} {op} {v}")),
            (2, Gen.Select(anySelector, Gen.OneOf("=", "!=", "<", "<=", ">", ">="), numberValue, (s, op, v) => $"{s} {op} {v}")),
            (2, Gen.Select(anySelector, Gen.OneOf("IS NULL", "IS TRUE", "IS FALSE", "NOT EXISTS"), (s, test) => $"{s} {test}")));
        return Expression(condition, depth: 3).Select(expression => "{ " + expression + " }");
    }

    private static Gen<string> Expression(Gen<string> condition, int depth) => depth == 0
        ? condition
        : Gen.Frequency(
            (2, condition),
            (3, Gen.Select(Expression(condition, depth - 1), Expression(condition, depth - 1), Gen.OneOf("&&", "||"),
                (left, right, op) => $"({left}) {op} ({right})")));

    private static void Collect(JsonNode? node, string path, int depth, ISet<string> selectors, ISet<string> strings, ISet<string> numbers)
    {
        if (depth > 0)
            selectors.Add(path);
        switch (node)
        {
            case JsonObject obj when depth < 4:
                foreach (var (name, child) in obj)
                {
                    if (name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                        Collect(child, path + "." + name, depth + 1, selectors, strings, numbers);
                    else if (!name.Contains('\'', StringComparison.Ordinal) && !name.Contains(']', StringComparison.Ordinal))
                        Collect(child, path + ".['" + name + "']", depth + 1, selectors, strings, numbers);
                }

                break;
            case JsonArray array when depth is > 0 and < 4:
                for (var i = 0; i < Math.Min(array.Count, 3); i++)
                    Collect(array[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", depth + 1, selectors, strings, numbers);
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                strings.Add(value.GetValue<string>());
                break;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                numbers.Add(value.ToJsonString());
                break;
        }
    }
}
