namespace Tocsin.Core.Patterns.Syntax;

/// <summary>The right-hand side of a comparison.</summary>
public abstract record PatternValue(string Text);

/// <summary>
/// An unquoted numeric literal (<c>400</c>, <c>-1</c>, <c>1e-3</c>). <see cref="Text"/> keeps the literal as
/// written; <see cref="Number"/> is its value.
/// </summary>
public sealed record NumberValue(string Text, double Number) : PatternValue(Text);

/// <summary>
/// A quoted or bare string. <see cref="Text"/> is the unquoted, unescaped text; any <c>*</c> in it is a
/// wildcard (SPEC.md §5.4), so <c>"*"</c> and <c>Console*</c> are both patterns, not literals.
/// </summary>
public sealed record StringValue(string Text, bool Quoted) : PatternValue(Text)
{
    public bool HasWildcard => Text.Contains('*', StringComparison.Ordinal);
}

/// <summary>An unquoted <c>%regex%</c> value; quoted <c>"%x%"</c> is a <see cref="StringValue"/>.</summary>
public sealed record RegexValue(PatternRegex Regex) : PatternValue("%" + Regex.Body + "%");
