using System.Globalization;
using System.Text.RegularExpressions;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// Candidate values for one selected field: every constant the patterns compare it with, near misses of each
/// (a character added before or after, lower case, wildcard segments alone), and one value of every JSON kind the
/// field can hold in a CloudTrail record (missing, null, booleans, a fresh string, an object, an array).
/// </summary>
internal static partial class RepresentativeValues
{
    public static IEnumerable<SpaceValue> For(JsonSelector selector, IReadOnlyList<JsonCondition> conditions, IEnumerable<string> rawTexts)
    {
        var kind = CloudTrailRecordShape.KindOf(selector);
        if (!CloudTrailRecordShape.IsAlwaysPresent(selector) || kind == FieldKind.Absent)
        {
            yield return SpaceValue.Missing;
        }

        if (kind == FieldKind.Absent)
        {
            yield break;
        }

        var values = conditions.Select(condition => condition.Value).OfType<PatternValue>().ToList();
        var natural = values.Select(value => value switch
        {
            StringValue { HasWildcard: false } text => text.Text,
            NumberValue number => number.Text,
            _ => null,
        }).OfType<string>().Concat(CloudTrailRecordShape.TypicalValues(selector)).ToHashSet(StringComparer.Ordinal);
        var strings = natural.ToList();
        var numbers = new List<string>();
        strings.AddRange(rawTexts);
        strings.Add("");
        strings.Add("tocsin-other");
        foreach (var value in values)
        {
            AddNearMisses(value, strings, numbers);
        }

        int Oddness(string text) => natural.Contains(text) ? 0 : text is "" or "tocsin-other" ? 1 : 2;

        switch (kind)
        {
            case FieldKind.Boolean:
                yield return SpaceValue.True;
                yield return SpaceValue.False;
                break;
            case FieldKind.Object:
                yield return SpaceValue.EmptyObject;
                break;
            case FieldKind.Array:
                yield return SpaceValue.EmptyArray;
                break;
            case FieldKind.String:
                foreach (var text in strings.Concat(numbers).Distinct(StringComparer.Ordinal))
                {
                    yield return SpaceValue.String(text, Oddness(text));
                }

                break;
            default:
                foreach (var text in strings.Distinct(StringComparer.Ordinal))
                {
                    yield return SpaceValue.String(text, Oddness(text));
                }

                foreach (var number in numbers.Where(IsJsonNumber).Append("0").Distinct(StringComparer.Ordinal))
                {
                    yield return SpaceValue.Number(number, Oddness(number));
                }

                yield return SpaceValue.Null;
                yield return SpaceValue.True;
                yield return SpaceValue.False;
                yield return SpaceValue.EmptyObject;
                yield return SpaceValue.EmptyArray;
                break;
        }
    }

    private static void AddNearMisses(PatternValue value, List<string> strings, List<string> numbers)
    {
        switch (value)
        {
            case NumberValue number:
                numbers.Add(number.Text);
                foreach (var delta in new[] { 0, 1, -1, 0.5, -0.5 })
                {
                    numbers.Add((number.Number + delta).ToString("R", CultureInfo.InvariantCulture));
                }

                break;
            case StringValue { HasWildcard: false } text:
                strings.AddRange([text.Text, text.Text + "x", "x" + text.Text, text.Text.ToLowerInvariant(), text.Text + text.Text]);
                if (IsJsonNumber(text.Text))
                {
                    numbers.Add(text.Text);
                }

                break;
            case StringValue wildcard:
                var segments = wildcard.Text.Split('*');
                var literal = string.Concat(segments);
                strings.AddRange([literal, literal + "x", "x" + literal, "x" + literal + "x", literal + literal, string.Join("x", segments)]);
                strings.AddRange(segments.Where(segment => segment.Length > 0));
                if (IsJsonNumber(literal))
                {
                    numbers.Add(literal);
                }

                break;
            case RegexValue regex:
                foreach (var sample in RegexSamples.For(regex.Regex))
                {
                    strings.AddRange([sample, "x" + sample + "x"]);
                }

                break;
        }
    }

    private static bool IsJsonNumber(string text) => JsonNumber().IsMatch(text);

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
