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
    private readonly ValueComparison _comparison;

    public JsonConditionTest(JsonCondition condition)
    {
        _operator = condition.Operator;
        _comparison = new ValueComparison(condition.Operator, condition.Value);
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

        // A numeric literal compares numbers only (UnsettledSemantics.NumericLiteralNeverMatchesStringNode); text and
        // regex values see a number's text as written (SPEC §5.3: {$.someInt != "123.0"} matches 123).
        return _comparison.IsNumeric
            ? kind == JsonNodeKind.Number && _comparison.HoldsForNumberText(text)
            : _comparison.HoldsForText(text);
    }
}
