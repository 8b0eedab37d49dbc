using System.Text.Json;

namespace Tocsin.Core.EventPatterns;

/// <summary>One matcher applied to one scalar value of the event.</summary>
internal static class ValueTest
{
    public static bool Holds(ValueMatcher matcher, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        double? number = value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var parsed) ? parsed : null;
        return matcher switch
        {
            ExactString exact => text == exact.Text,
            ExactNumber exact => number is { } n && (n.Equals(exact.Value) || value.GetRawText() == exact.Text),
            ExactLiteral literal => Literal(value) == literal.Literal,
            PrefixMatcher prefix => text is not null && text.StartsWith(prefix.Text, Comparison(prefix.IgnoreCase)),
            SuffixMatcher suffix => text is not null && text.EndsWith(suffix.Text, Comparison(suffix.IgnoreCase)),
            EqualsIgnoreCaseMatcher ignoreCase => text is not null && string.Equals(text, ignoreCase.Text, StringComparison.OrdinalIgnoreCase),
            WildcardMatcher wildcard => text is not null && wildcard.Pattern.Matches(text),
            AnythingButMatcher anythingBut => !Excludes(anythingBut, text, number),
            NumericMatcher numeric => number is { } n && Within(numeric, n),
            CidrMatcher cidr => text is not null && CidrBlock.ParseAddress(text) is { } address && CidrBlock.Contains(cidr.Network, cidr.PrefixLength, address),
            _ => false,
        };
    }

    /// <summary>
    /// Whether the exclusion covers the value. String exclusions cover only strings and numeric ones only numbers, so
    /// <c>anything-but: "x"</c> matches the number 5, null and booleans (event-ruler's behaviour; the guide is silent).
    /// </summary>
    private static bool Excludes(AnythingButMatcher anythingBut, string? text, double? number)
    {
        if (number is { } n)
        {
            return anythingBut.Numbers.Contains(n);
        }

        return text is not null && (
            anythingBut.Strings.Contains(text, StringComparer.Ordinal)
            || anythingBut.IgnoreCaseStrings.Contains(text, StringComparer.OrdinalIgnoreCase)
            || anythingBut.Wildcards.Any(wildcard => wildcard.Matches(text))
            || (anythingBut.Prefix is { } prefix && text.StartsWith(prefix, StringComparison.Ordinal))
            || (anythingBut.Suffix is { } suffix && text.EndsWith(suffix, StringComparison.Ordinal)));
    }

    private static bool Within(NumericMatcher numeric, double n) =>
        (numeric.Lower is not { } lower || (lower.Inclusive ? n >= lower.Value : n > lower.Value))
        && (numeric.Upper is not { } upper || (upper.Inclusive ? n <= upper.Value : n < upper.Value));

    private static string? Literal(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => null,
    };

    private static StringComparison Comparison(bool ignoreCase) => ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
