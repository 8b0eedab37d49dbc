using System.Globalization;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>The kind of JSON node a selector reached.</summary>
internal enum JsonNodeKind
{
    String,
    Number,
    True,
    False,
    Null,
    Object,
    Array,
}

/// <summary>
/// One JSON condition applied to one selected node (SPEC §5.2, §5.3). <c>NOT EXISTS</c> is not decided per node
/// (it asks whether any node was selected) and never reaches <see cref="Test"/>.
/// </summary>
internal sealed class JsonConditionTest
{
    private readonly ComparisonOperator _operator;
    private readonly TextPattern? _text;
    private readonly double _number;
    private readonly bool _isNumber;
    private readonly CloudWatchRegex? _regex;

    public JsonConditionTest(JsonCondition condition)
    {
        _operator = condition.Operator;
        switch (condition.Value)
        {
            case NumberValue number:
                _isNumber = true;
                _number = number.Number;
                break;
            case StringValue text:
                _text = new TextPattern(text);
                break;
            case RegexValue regex:
                _regex = CloudWatchRegex.Compile(regex.Regex);
                break;
        }
    }

    public bool IsNotExists => _operator == ComparisonOperator.NotExists;

    /// <summary>True when the condition holds for this node. <paramref name="text"/> is a string's unescaped
    /// UTF-8 value or a number's text as written; empty for other kinds.</summary>
    public bool Test(JsonNodeKind kind, ReadOnlySpan<byte> text)
    {
        switch (_operator)
        {
            case ComparisonOperator.IsNull:
                return kind == JsonNodeKind.Null;
            case ComparisonOperator.IsTrue:
                return kind == JsonNodeKind.True;
            case ComparisonOperator.IsFalse:
                return kind == JsonNodeKind.False;
            case ComparisonOperator.NotExists:
                return false;
        }

        // Only strings and numbers are value nodes; null, booleans, objects and arrays satisfy no comparison,
        // "!=" included (SPEC §5.2; UnsettledSemantics.NullAndBooleanNeverCompare).
        if (kind is not (JsonNodeKind.String or JsonNodeKind.Number))
            return false;

        if (_isNumber)
        {
            // A numeric literal compares numbers only (UnsettledSemantics.NumericLiteralNeverMatchesStringNode),
            // as doubles (UnsettledSemantics.NumbersCompareAsDoubles).
            if (kind != JsonNodeKind.Number || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var node))
                return false;
            return Compare(node, _number);
        }

        // Text and regex values see a number's text as written (SPEC §5.3: {$.someInt != "123.0"} matches 123).
        bool equal;
        if (_text is not null)
            equal = _text.IsMatch(text);
        else if (_regex is not null)
            equal = _regex.IsMatch(text);
        else
            return false;

        // Relational operators take numeric literals only; the parser rejects others, and they never match text.
        return _operator switch
        {
            ComparisonOperator.Equal => equal,
            ComparisonOperator.NotEqual => !equal,
            _ => false,
        };
    }

    private bool Compare(double node, double literal) => _operator switch
    {
        ComparisonOperator.Equal => node == literal,
        ComparisonOperator.NotEqual => node != literal,
        ComparisonOperator.Less => node < literal,
        ComparisonOperator.LessOrEqual => node <= literal,
        ComparisonOperator.Greater => node > literal,
        ComparisonOperator.GreaterOrEqual => node >= literal,
        _ => false,
    };
}
