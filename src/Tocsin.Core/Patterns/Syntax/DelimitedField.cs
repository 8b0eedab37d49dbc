namespace Tocsin.Core.Patterns.Syntax;

/// <summary>One slot of a space-delimited pattern.</summary>
public abstract record DelimitedField;

/// <summary><c>...</c>: any number of fields, including none.</summary>
public sealed record EllipsisField : DelimitedField;

/// <summary>
/// A positional field. <see cref="Name"/> is null for an anonymous slot (an empty slot such as a trailing
/// comma), which is extracted as <c>$1</c>, <c>$2</c>... by position. <see cref="Condition"/> is null when the
/// slot only names the field.
/// </summary>
public sealed record NamedField(string? Name, FieldExpression? Condition) : DelimitedField;

/// <summary>Conditions on one delimited field, combined with <c>&amp;&amp;</c> and <c>||</c>.</summary>
public abstract record FieldExpression;

public sealed record FieldOr(IReadOnlyList<FieldExpression> Operands) : FieldExpression;

public sealed record FieldAnd(IReadOnlyList<FieldExpression> Operands) : FieldExpression;

/// <summary>
/// <c>name op value</c>; only <c>=</c>, <c>!=</c> and the relational operators occur here.
/// </summary>
public sealed record FieldCondition(string FieldName, ComparisonOperator Operator, PatternValue Value) : FieldExpression;
