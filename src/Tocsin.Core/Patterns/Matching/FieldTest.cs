using System.Globalization;
using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>The conditions of one space-delimited slot (SPEC §6.3, §6.4), compiled.</summary>
internal abstract class FieldTest
{
    public abstract bool Holds(string value);

    public static FieldTest Compile(FieldExpression expression) => expression switch
    {
        FieldAnd and => new All(and.Operands.Select(Compile).ToArray()),
        FieldOr or => new Any(or.Operands.Select(Compile).ToArray()),
        FieldCondition condition => new Comparison(condition),
        _ => throw new ArgumentException($"Unknown field expression {expression.GetType().Name}", nameof(expression)),
    };

    private sealed class All(FieldTest[] operands) : FieldTest
    {
        public override bool Holds(string value) => operands.All(operand => operand.Holds(value));
    }

    private sealed class Any(FieldTest[] operands) : FieldTest
    {
        public override bool Holds(string value) => operands.Any(operand => operand.Holds(value));
    }

    private sealed class Comparison : FieldTest
    {
        private readonly ComparisonOperator _operator;
        private readonly TextPattern? _text;
        private readonly CloudWatchRegex? _regex;
        private readonly double? _number;

        public Comparison(FieldCondition condition)
        {
            _operator = condition.Operator;
            switch (condition.Value)
            {
                case NumberValue number:
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

        public override bool Holds(string value)
        {
            if (_number is { } literal)
            {
                // A field that is not a number satisfies no numeric comparison, "!=" included
                // (UnsettledSemantics.NumericLiteralNeverMatchesStringNode).
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    return false;
                return _operator switch
                {
                    ComparisonOperator.Equal => number == literal,
                    ComparisonOperator.NotEqual => number != literal,
                    ComparisonOperator.Less => number < literal,
                    ComparisonOperator.LessOrEqual => number <= literal,
                    ComparisonOperator.Greater => number > literal,
                    ComparisonOperator.GreaterOrEqual => number >= literal,
                    _ => false,
                };
            }

            bool equal;
            if (_text is not null)
                equal = _text.IsMatch(Encoding.UTF8.GetBytes(value));
            else if (_regex is not null)
                equal = _regex.IsMatch(value.AsSpan());
            else
                return false;
            return _operator switch
            {
                ComparisonOperator.Equal => equal,
                ComparisonOperator.NotEqual => !equal,
                _ => false,
            };
        }
    }
}
