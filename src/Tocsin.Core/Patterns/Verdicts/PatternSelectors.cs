using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>The selectors a pattern's JSON conditions test; none for the other forms.</summary>
internal static class PatternSelectors
{
    public static IEnumerable<JsonSelector> Of(FilterPattern pattern) =>
        pattern is JsonPattern json ? Conditions(json.Expression).Select(condition => condition.Selector) : [];

    public static IEnumerable<JsonCondition> Conditions(JsonExpression expression) => expression switch
    {
        JsonCondition condition => [condition],
        JsonAnd and => and.Operands.SelectMany(Conditions),
        JsonOr or => or.Operands.SelectMany(Conditions),
        _ => [],
    };
}
