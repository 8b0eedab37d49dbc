using System.Text.RegularExpressions;

namespace Tocsin.Fuzz.Tests.Patterns.Reference;

/// <summary>
/// The reference's own syntax tree of a filter pattern: shared with nothing in Tocsin, so a mistake in Tocsin's
/// parser or matcher cannot hide behind the same mistake here.
/// </summary>
internal abstract record ReferencePattern;

/// <summary>The empty (or blank) pattern: every event.</summary>
internal sealed record EveryEvent : ReferencePattern;

internal sealed record Words(IReadOnlyList<Word> Items) : ReferencePattern;

internal sealed record Word(string Text, char Prefix);

internal sealed record SearchRegex(Regex Regex) : ReferencePattern;

internal sealed record JsonRule(Rule Root) : ReferencePattern;

internal abstract record Rule;

internal sealed record AllOf(IReadOnlyList<Rule> Parts) : Rule;

internal sealed record AnyOf(IReadOnlyList<Rule> Parts) : Rule;

/// <summary><see cref="Operator"/> is the symbol or keyword as written: <c>=</c>, <c>!=</c>, <c>&lt;</c>, ..., <c>IS NULL</c>, <c>NOT EXISTS</c>.</summary>
internal sealed record Test(IReadOnlyList<Hop> Path, string Operator, Operand? Operand) : Rule;

/// <summary>A step of a selector: a named member, an index, or any child (<c>[*]</c> and <c>.*</c> alike).</summary>
internal sealed record Hop(string? Member, int? Index)
{
    public bool AnyChild => Member is null && Index is null;
}

internal abstract record Operand;

internal sealed record NumberOperand(double Value) : Operand;

internal sealed record TextOperand(string Text) : Operand;

internal sealed record RegexOperand(Regex Regex) : Operand;
