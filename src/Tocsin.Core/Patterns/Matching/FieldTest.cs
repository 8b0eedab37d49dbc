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

    private sealed class Comparison(FieldCondition condition) : FieldTest
    {
        private readonly ValueComparison _comparison = new(condition.Operator, condition.Value);

        // A field that is not a number satisfies no numeric comparison, "!=" included
        // (UnsettledSemantics.NumericLiteralNeverMatchesStringNode).
        public override bool Holds(string value)
        {
            var text = Encoding.UTF8.GetBytes(value);
            return _comparison.IsNumeric ? _comparison.HoldsForNumberText(text) : _comparison.HoldsForText(text);
        }
    }
}
