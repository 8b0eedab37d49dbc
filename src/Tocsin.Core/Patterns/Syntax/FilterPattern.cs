namespace Tocsin.Core.Patterns.Syntax;

/// <summary>
/// A parsed CloudWatch Logs filter pattern. The four forms of the language (SPEC.md §1) are the four
/// subclasses, plus the empty pattern that matches every event. <see cref="Text"/> is the pattern as written.
/// </summary>
public abstract record FilterPattern(string Text);

/// <summary>The empty pattern: matches every event.</summary>
public sealed record MatchAllPattern(string Text) : FilterPattern(Text);

/// <summary>Words and quoted phrases, with <c>?</c> (any of) and <c>-</c> (must not contain) prefixes.</summary>
public sealed record TermPattern(string Text, IReadOnlyList<Term> Terms) : FilterPattern(Text);

/// <summary>A standalone <c>%regex%</c>, searched anywhere in the raw message.</summary>
public sealed record RegexPattern(string Text, PatternRegex Regex) : FilterPattern(Text);

/// <summary>A <c>{ ... }</c> pattern over JSON events.</summary>
public sealed record JsonPattern(string Text, JsonExpression Expression) : FilterPattern(Text);

/// <summary>A <c>[ ... ]</c> pattern over space-delimited events.</summary>
public sealed record DelimitedPattern(string Text, IReadOnlyList<DelimitedField> Fields) : FilterPattern(Text);
