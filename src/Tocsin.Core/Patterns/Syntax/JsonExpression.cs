namespace Tocsin.Core.Patterns.Syntax;

/// <summary>The boolean structure of a JSON pattern: <c>||</c> of <c>&amp;&amp;</c> of conditions.</summary>
public abstract record JsonExpression;

/// <summary>True when any operand holds. Always has two or more operands.</summary>
public sealed record JsonOr(IReadOnlyList<JsonExpression> Operands) : JsonExpression;

/// <summary>True when every operand holds. Always has two or more operands.</summary>
public sealed record JsonAnd(IReadOnlyList<JsonExpression> Operands) : JsonExpression;

/// <summary>
/// One comparison such as <c>$.eventName = "ConsoleLogin"</c>. <see cref="Value"/> is null for the
/// operators that take none (<c>IS NULL</c>, <c>IS TRUE</c>, <c>IS FALSE</c>, <c>NOT EXISTS</c>).
/// </summary>
public sealed record JsonCondition(JsonSelector Selector, ComparisonOperator Operator, PatternValue? Value) : JsonExpression;

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    IsNull,
    IsTrue,
    IsFalse,
    NotExists,
}
