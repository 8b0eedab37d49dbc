using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// A cheap, sound test that rules out most events before any JSON is read. From the pattern it derives which
/// byte strings an event must contain to possibly match: the quoted property names a condition's selector walks
/// through (a condition other than <c>NOT EXISTS</c> needs its node to exist) and the text an exact or wildcard
/// string value requires; <c>&amp;&amp;</c> needs all of its operands' requirements, <c>||</c> any.
/// <para>Sound only for literals that JSON cannot write in another way: a literal is used only if it has no
/// <c>"</c>, <c>\</c>, <c>/</c> or control character (which may appear escaped), and the caller ignores a failed
/// test when the message contains <c>\u</c> (any character may be written as a <c>\uXXXX</c> escape).
/// A value literal is quoted only when it cannot be a number's text, since <c>$.n = "123"</c> matches the
/// number 123, written without quotes.</para>
/// </summary>
internal sealed class JsonLiteralPrefilter
{
    private const int ShortestUsefulLiteral = 2;
    private readonly List<byte[]> _literals = [];
    private readonly Requirement? _root;

    public JsonLiteralPrefilter(JsonExpression expression) => _root = Build(expression);

    /// <summary>False when the message lacks a required literal; then it cannot match (unless it has <c>\u</c> escapes).</summary>
    public bool MayMatch(ReadOnlySpan<byte> message)
    {
        if (_root is null)
            return true;
        Span<sbyte> seen = _literals.Count <= 256 ? stackalloc sbyte[_literals.Count] : new sbyte[_literals.Count];
        seen.Clear();
        return _root.Holds(message, seen, _literals);
    }

    /// <summary>The literals in use, for tests and diagnostics.</summary>
    public IReadOnlyList<string> Literals => _literals.Select(Encoding.UTF8.GetString).ToList();

    private Requirement? Build(JsonExpression expression)
    {
        switch (expression)
        {
            case JsonAnd and:
            {
                var parts = and.Operands.Select(Build).OfType<Requirement>().ToList();
                return parts.Count == 0 ? null : new AllOf(parts);
            }
            case JsonOr or:
            {
                var parts = or.Operands.Select(Build).ToList();
                return parts.Any(part => part is null) ? null : new AnyOf(parts!);
            }
            case JsonCondition condition:
                return ForCondition(condition);
            default:
                return null;
        }
    }

    private Requirement? ForCondition(JsonCondition condition)
    {
        if (condition.Operator == ComparisonOperator.NotExists)
            return null;
        var texts = new List<string>();
        foreach (var step in condition.Selector.Steps)
        {
            if (step is PropertyStep property && LiteralFor(property.Name, quote: true) is { } key)
                texts.Add(key);
        }

        switch (condition.Operator, condition.Value)
        {
            case (ComparisonOperator.Equal, StringValue { HasWildcard: false } exact):
                if (LiteralFor(exact.Text, quote: !MayBeNumberText(exact.Text)) is { } text)
                    texts.Add(text);
                break;
            case (ComparisonOperator.Equal, StringValue wildcard):
                var longest = wildcard.Text.Split('*')
                    .Select(segment => LiteralFor(segment, quote: false))
                    .OfType<string>()
                    .OrderByDescending(segment => segment.Length)
                    .FirstOrDefault();
                if (longest is not null)
                    texts.Add(longest);
                break;
            case (ComparisonOperator.IsTrue, _):
                texts.Add("true");
                break;
            case (ComparisonOperator.IsFalse, _):
                texts.Add("false");
                break;
            case (ComparisonOperator.IsNull, _):
                texts.Add("null");
                break;
        }

        if (texts.Count == 0)
            return null;
        var literals = texts.Distinct().OrderByDescending(text => text.Length).Select(text => (Requirement)new Literal(IdOf(text)));
        return new AllOf(literals.ToList());
    }

    private int IdOf(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < _literals.Count; i++)
        {
            if (_literals[i].AsSpan().SequenceEqual(bytes))
                return i;
        }

        _literals.Add(bytes);
        return _literals.Count - 1;
    }

    /// <summary>The text itself (quoted when asked) if JSON can only write it one way, else its longest such run.</summary>
    private static string? LiteralFor(string text, bool quote)
    {
        if (text.Length > 0 && text.All(IsWrittenOneWay))
            return quote ? "\"" + text + "\"" : (text.Length >= ShortestUsefulLiteral ? text : null);
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

        return longest.Length >= ShortestUsefulLiteral ? longest : null;
    }

    private static bool IsWrittenOneWay(char c) => c >= ' ' && c != '"' && c != '\\' && c != '/';

    private static bool MayBeNumberText(string text) => text.Length > 0 && (text[0] == '-' || char.IsAsciiDigit(text[0]));

    private abstract class Requirement
    {
        public abstract bool Holds(ReadOnlySpan<byte> message, Span<sbyte> seen, List<byte[]> literals);
    }

    private sealed class Literal(int id) : Requirement
    {
        public override bool Holds(ReadOnlySpan<byte> message, Span<sbyte> seen, List<byte[]> literals)
        {
            if (seen[id] == 0)
                seen[id] = message.IndexOf(literals[id]) >= 0 ? (sbyte)1 : (sbyte)-1;
            return seen[id] > 0;
        }
    }

    private sealed class AllOf(List<Requirement> parts) : Requirement
    {
        public override bool Holds(ReadOnlySpan<byte> message, Span<sbyte> seen, List<byte[]> literals)
        {
            foreach (var part in parts)
            {
                if (!part.Holds(message, seen, literals))
                    return false;
            }

            return true;
        }
    }

    private sealed class AnyOf(List<Requirement> parts) : Requirement
    {
        public override bool Holds(ReadOnlySpan<byte> message, Span<sbyte> seen, List<byte[]> literals)
        {
            foreach (var part in parts)
            {
                if (part.Holds(message, seen, literals))
                    return true;
            }

            return false;
        }
    }
}
