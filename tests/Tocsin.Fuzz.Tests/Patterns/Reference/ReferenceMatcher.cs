using System.Globalization;
using System.Text.Json;

namespace Tocsin.Fuzz.Tests.Patterns.Reference;

/// <summary>
/// Evaluates a <see cref="ReferencePattern"/> on one event by walking a <see cref="JsonDocument"/> (SPEC.md §3–§5
/// and the choices in Tocsin's UnsettledSemantics). Returns null when the reference cannot decide: an event whose
/// strings .NET cannot read as UTF-16, or a regex that ran out of time.
/// </summary>
internal static class ReferenceMatcher
{
    private const int MaxEventDepth = 256 * 1024;

    public static bool? Matches(ReferencePattern pattern, string message)
    {
        if (HasLoneSurrogate(message) || HasEscapedLoneSurrogate(message))
            return null;
        try
        {
            return pattern switch
            {
                EveryEvent => true,
                Words words => WordsMatch(words, message),
                SearchRegex regex => regex.Regex.IsMatch(message),
                JsonRule json => JsonMatches(json, message),
                _ => null,
            };
        }
        catch (Undecided)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // A key or string with an escaped lone surrogate, which System.Text.Json will not unescape.
            return null;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static bool WordsMatch(Words words, string message)
    {
        bool Present(Word word) => word.Text.Length == 0 || word.Text == " " || message.Contains(word.Text, StringComparison.Ordinal);
        var plain = words.Items.Where(w => w.Prefix == ' ').ToList();
        var excluded = words.Items.Where(w => w.Prefix == '-').ToList();
        var optional = words.Items.Where(w => w.Prefix == '?').ToList();
        if (!plain.All(Present) || excluded.Any(Present))
            return false;
        return plain.Count + excluded.Count > 0 || optional.Count == 0 || optional.Any(Present);
    }

    private static bool JsonMatches(JsonRule rule, string message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message, new JsonDocumentOptions { MaxDepth = MaxEventDepth });
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array && Holds(rule.Root, document.RootElement);
        }
    }

    private static bool Holds(Rule rule, JsonElement root)
    {
        switch (rule)
        {
            case AllOf all:
                foreach (var part in all.Parts)
                    if (!Holds(part, root))
                        return false;
                return true;
            case AnyOf any:
                foreach (var part in any.Parts)
                    if (Holds(part, root))
                        return true;
                return false;
            case Test test:
                var selected = Walk(root, test.Path, 0).ToList();
                return test.Operator == "NOT EXISTS" ? selected.Count == 0 : selected.Exists(node => Satisfies(test, node));
            default:
                throw new ArgumentException("unknown rule", nameof(rule));
        }
    }

    private static IEnumerable<JsonElement> Walk(JsonElement node, IReadOnlyList<Hop> path, int at)
    {
        if (at == path.Count)
        {
            yield return node;
            yield break;
        }

        var hop = path[at];
        IEnumerable<JsonElement> next = (hop, node.ValueKind) switch
        {
            ({ AnyChild: true }, JsonValueKind.Array) => node.EnumerateArray(),
            ({ AnyChild: true }, JsonValueKind.Object) => node.EnumerateObject().Select(p => p.Value),
            ({ Member: { } name }, JsonValueKind.Object) => node.EnumerateObject().Where(p => p.NameEquals(name)).Select(p => p.Value),
            ({ Index: { } index }, JsonValueKind.Array) when index < node.GetArrayLength() => [node[index]],
            _ => [],
        };
        foreach (var child in next)
        {
            foreach (var found in Walk(child, path, at + 1))
                yield return found;
        }
    }

    private static bool Satisfies(Test test, JsonElement node)
    {
        switch (test.Operator)
        {
            case "IS NULL":
                return node.ValueKind == JsonValueKind.Null;
            case "IS TRUE":
                return node.ValueKind == JsonValueKind.True;
            case "IS FALSE":
                return node.ValueKind == JsonValueKind.False;
        }

        if (node.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            return false;
        if (test.Operand is NumberOperand number)
        {
            if (node.ValueKind != JsonValueKind.Number)
                return false;
            var value = double.Parse(node.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
            return test.Operator switch
            {
                "=" => value == number.Value,
                "!=" => value != number.Value,
                "<" => value < number.Value,
                "<=" => value <= number.Value,
                ">" => value > number.Value,
                ">=" => value >= number.Value,
                _ => false,
            };
        }

        var text = node.ValueKind == JsonValueKind.Number ? node.GetRawText() : ReadString(node);
        var equal = test.Operand switch
        {
            TextOperand literal => Wildcard.Matches(literal.Text, text),
            RegexOperand regex => regex.Regex.IsMatch(text),
            _ => false,
        };
        return test.Operator == "=" ? equal : !equal;
    }

    private static string ReadString(JsonElement node)
    {
        try
        {
            return node.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new Undecided();
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }

        return false;
    }

    /// <summary>
    /// A JSON <c>\uD800</c> escape without its pair. JSON's grammar allows it, Unicode does not, and SPEC.md says
    /// nothing; Tocsin treats such an event as malformed, System.Text.Json reads it, so the reference stays out.
    /// </summary>
    private static bool HasEscapedLoneSurrogate(string text)
    {
        static char? UnitAt(string text, int at) =>
            at + 6 <= text.Length && text[at] == '\\' && text[at + 1] == 'u' &&
            ushort.TryParse(text.AsSpan(at + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var unit)
                ? (char)unit
                : null;

        for (var i = text.IndexOf("\\u", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\\u", i + 1, StringComparison.Ordinal))
        {
            if (UnitAt(text, i) is not { } unit)
                continue;
            if (char.IsLowSurrogate(unit))
                return true;
            if (char.IsHighSurrogate(unit))
            {
                if (UnitAt(text, i + 6) is not { } next || !char.IsLowSurrogate(next))
                    return true;
                i += 6;
            }
        }

        return false;
    }

    private sealed class Undecided : Exception;
}
