using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// A cheap, sound test that rules out most events before any JSON is read. From the pattern it derives texts an
/// event must contain to possibly match: the quoted property names a condition's selector walks through (a
/// condition other than <c>NOT EXISTS</c> needs its node to exist) and the text an exact or wildcard string value
/// requires. The result is a list of clauses, each a set of texts of which at least one must occur:
/// <c>&amp;&amp;</c> keeps all of its operands' clauses, <c>||</c> becomes one clause made of one clause of each
/// operand. An exact string value is required as <c>"key": "value"</c> where the key can be known, so a 16-way
/// <c>||</c> of event names costs one scan for <c>"eventName"</c> and a look at the value after it.
/// <para>Sound only for texts that JSON cannot write in another way: a text is used only if it has no <c>"</c>,
/// <c>\</c>, <c>/</c> or control character (which may appear escaped), and the caller ignores a failed test when
/// the message contains <c>\u</c> (any character may be written as a <c>\uXXXX</c> escape). A value is required
/// in quotes only when it cannot be a number's text, since <c>$.n = "123"</c> matches the number 123, written
/// without quotes.</para>
/// </summary>
internal sealed class JsonLiteralPrefilter
{
    private const int ShortestUsefulText = 2;
    private readonly Clause[] _clauses;

    public JsonLiteralPrefilter(JsonExpression expression)
    {
        _clauses = Build(expression)
            .DistinctBy(clause => string.Join('\n', clause.Select(needle => needle.ToString()).Order(StringComparer.Ordinal)))
            .Select(needles => new Clause(needles))
            .OrderBy(clause => clause.KeysOnly) // values tell events apart; every event has the common keys
            .ThenBy(clause => clause.Needles.Length)
            .ToArray();
    }

    /// <summary>The required texts, quoted where the quotes are required, for tests and diagnostics.</summary>
    public IReadOnlyList<string> Literals => _clauses.SelectMany(clause => clause.Needles).Select(n => n.ToString()).Distinct().ToList();

    /// <summary>
    /// Texts of which a matching message holds at least one, written as they are (unless the message has a <c>\u</c>
    /// escape): those of the clause that best tells CloudTrail records apart, event names before anything else (an
    /// event source such as <c>ec2.amazonaws.com</c> is in a large share of any history; the names of the calls a
    /// control watches are in few). <see cref="Anchor.Key"/> is set when every text is that key's string value
    /// (<c>"eventName": "CreateTrail"</c>). Null when the pattern requires no text at all.
    /// </summary>
    public Anchor? AnchorClause
    {
        get
        {
            if (_clauses.Length == 0)
            {
                return null;
            }

            var best = _clauses.FirstOrDefault(clause => clause.Needles.All(needle => needle.Key == "eventName")) ?? _clauses[0];
            var key = best.Needles.Select(needle => needle.Key).Distinct().ToList() is [{ } only] ? only : null;
            return new Anchor(key, [.. best.Needles.Select(needle => needle.Text).Distinct(StringComparer.Ordinal)]);
        }
    }

    /// <summary>False when the message lacks every text of some clause; then it cannot match (unless it has <c>\u</c> escapes).</summary>
    public bool MayMatch(ReadOnlySpan<byte> message, KeyValueScan? scan = null)
    {
        foreach (var clause in _clauses)
        {
            if (!clause.Holds(message, scan))
                return false;
        }

        return true;
    }

    /// <summary>Clauses that must all hold; an empty list requires nothing.</summary>
    private static List<HashSet<Needle>> Build(JsonExpression expression)
    {
        switch (expression)
        {
            case JsonAnd and:
                return and.Operands.SelectMany(Build).ToList();
            case JsonOr or:
            {
                var clause = new HashSet<Needle>();
                foreach (var operand in or.Operands)
                {
                    var clauses = Build(operand);
                    if (clauses.Count == 0)
                        return []; // this operand may hold with no text present
                    clause.UnionWith(Best(clauses));
                }

                return [clause];
            }
            case JsonCondition condition:
                return ForCondition(condition).Select(needle => new HashSet<Needle> { needle }).ToList();
            default:
                return [];
        }
    }

    /// <summary>The clause that most likely tells events apart: values before keys, then fewest texts.</summary>
    private static HashSet<Needle> Best(List<HashSet<Needle>> clauses) => clauses
        .OrderBy(clause => clause.Any(needle => needle.IsKey))
        .ThenBy(clause => clause.Count)
        .ThenByDescending(clause => clause.Min(needle => needle.Text.Length))
        .First();

    private static IEnumerable<Needle> ForCondition(JsonCondition condition)
    {
        if (condition.Operator == ComparisonOperator.NotExists)
            yield break;
        var steps = condition.Selector.Steps;
        foreach (var step in steps)
        {
            if (step is PropertyStep property && NeedleFor(property.Name, quote: true, isKey: true) is { } key)
                yield return key;
        }

        // "key": "value" written out, when both can only be written one way: one search finds both, and an
        // || of values for the same key becomes one scan of that key's occurrences.
        if (condition is { Operator: ComparisonOperator.Equal, Value: StringValue { HasWildcard: false } pair }
            && steps.Count > 0 && steps[^1] is PropertyStep last
            && NeedleFor(last.Name, quote: true, isKey: true) is { Quoted: true } lastKey
            && !MayBeNumberText(pair.Text)
            && NeedleFor(pair.Text, quote: true, isKey: false) is { Quoted: true } quotedValue)
        {
            yield return quotedValue with { Key = lastKey.Text };
            yield break;
        }

        var value = (condition.Operator, condition.Value) switch
        {
            (ComparisonOperator.Equal, StringValue { HasWildcard: false } exact) =>
                NeedleFor(exact.Text, quote: !MayBeNumberText(exact.Text), isKey: false),
            (ComparisonOperator.Equal, StringValue wildcard) => wildcard.Text.Split('*')
                .Select(segment => NeedleFor(segment, quote: false, isKey: false))
                .OfType<Needle>()
                .OrderByDescending(needle => needle.Text.Length)
                .Cast<Needle?>()
                .FirstOrDefault(),
            (ComparisonOperator.IsTrue, _) => new Needle("true", Quoted: false, IsKey: false),
            (ComparisonOperator.IsFalse, _) => new Needle("false", Quoted: false, IsKey: false),
            (ComparisonOperator.IsNull, _) => new Needle("null", Quoted: false, IsKey: false),
            _ => (Needle?)null,
        };
        if (value is { } required)
            yield return required;
    }

    /// <summary>The text itself (quoted when asked) if JSON can only write it one way, else its longest such run.</summary>
    private static Needle? NeedleFor(string text, bool quote, bool isKey)
    {
        if (text.Length > 0 && text.All(IsWrittenOneWay))
            return quote || text.Length >= ShortestUsefulText ? new Needle(text, quote, isKey) : null;
        var longest = string.Empty;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsWrittenOneWay(text[i]))
                continue;
            if (i - start > longest.Length)
                longest = text[start..i];
            start = i + 1;
        }

        return longest.Length >= ShortestUsefulText ? new Needle(longest, Quoted: false, isKey) : null;
    }

    private static bool IsWrittenOneWay(char c) => c >= ' ' && c != '"' && c != '\\' && c != '/';

    private static bool MayBeNumberText(string text) => text.Length > 0 && (text[0] == '-' || char.IsAsciiDigit(text[0]));

    /// <summary>Texts one of which a matching message holds: anywhere, or (with <see cref="Key"/>) as that key's string value.</summary>
    internal sealed record Anchor(string? Key, IReadOnlyList<string> Texts);

    /// <summary>A required text; <see cref="Quoted"/> when it must appear as a whole JSON string, and with a
    /// <see cref="Key"/> when it must appear as that key's string value (<c>"key" : "text"</c>).</summary>
    private readonly record struct Needle(string Text, bool Quoted, bool IsKey, string? Key = null)
    {
        public override string ToString() => (Key is null ? string.Empty : "\"" + Key + "\":") + (Quoted ? "\"" + Text + "\"" : Text);
    }

    /// <summary>Holds when any of its texts occurs.</summary>
    private sealed class Clause
    {
        private readonly SingleText[] _texts;
        private readonly KeyValues[] _pairs;

        public Clause(HashSet<Needle> needles)
        {
            Needles = needles.OrderBy(needle => needle.ToString(), StringComparer.Ordinal).ToArray();
            KeysOnly = Needles.All(needle => needle.IsKey);
            _texts = Needles.Where(needle => needle.Key is null).Select(needle => new SingleText(needle)).ToArray();
            _pairs = Needles.Where(needle => needle.Key is not null)
                .GroupBy(needle => needle.Key!, StringComparer.Ordinal)
                .Select(group => new KeyValues(group.Key, group.Select(needle => needle.Text)))
                .ToArray();
        }

        public Needle[] Needles { get; }

        public bool KeysOnly { get; }

        public bool Holds(ReadOnlySpan<byte> message, KeyValueScan? scan)
        {
            foreach (var pair in _pairs)
            {
                if (scan is null ? pair.OccursIn(message) : pair.OccursIn(message, scan))
                    return true;
            }

            foreach (var text in _texts)
            {
                if (text.OccursIn(message))
                    return true;
            }

            return false;
        }
    }

    /// <summary>One text searched in UTF-8; quotes are checked around each hit rather than searched for, since
    /// <c>"</c> is the most common byte in JSON and a poor anchor for a vectorised search.</summary>
    private sealed class SingleText(Needle needle)
    {
        private readonly byte[] _text = Encoding.UTF8.GetBytes(needle.Text);

        public bool OccursIn(ReadOnlySpan<byte> message)
        {
            var offset = 0;
            while (true)
            {
                var found = message[offset..].IndexOf(_text);
                if (found < 0)
                    return false;
                var at = offset + found;
                if (!needle.Quoted || IsQuotedAt(message, at, _text.Length))
                    return true;
                offset = at + 1;
            }
        }
    }

    /// <summary>
    /// <c>"key" : "v"</c> for any of a set of values <c>v</c>: finds each occurrence of the quoted key, and reads the
    /// string after its colon. A value with a backslash cannot be compared cheaply and counts as a hit.
    /// </summary>
    private sealed class KeyValues(string key, IEnumerable<string> values)
    {
        private readonly byte[] _key = KeyValueScan.KeyBytes(key);
        private readonly byte[][] _values = values.Distinct(StringComparer.Ordinal).Select(Encoding.UTF8.GetBytes).ToArray();

        public bool OccursIn(ReadOnlySpan<byte> message)
        {
            var offset = 0;
            while (KeyValueScan.NextValue(message, _key, ref offset, out var start, out var length))
            {
                if (length < 0 || IsOneOf(message.Slice(start, length)))
                    return true;
            }

            return false;
        }

        /// <summary>The same test on values another pattern of a <see cref="PatternMatcherSet"/> may already have found.</summary>
        public bool OccursIn(ReadOnlySpan<byte> message, KeyValueScan scan)
        {
            foreach (var (start, length) in scan.ValuesOf(_key, message))
            {
                if (length < 0 || IsOneOf(message.Slice(start, length)))
                    return true;
            }

            return false;
        }

        private bool IsOneOf(ReadOnlySpan<byte> value)
        {
            foreach (var candidate in _values)
            {
                if (value.SequenceEqual(candidate))
                    return true;
            }

            return false;
        }
    }

    internal static bool IsQuotedAt(ReadOnlySpan<byte> message, int at, int length) =>
        at > 0 && message[at - 1] == '"' && at + length < message.Length && message[at + length] == '"';
}
