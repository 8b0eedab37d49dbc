using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Parsing;

/// <summary>
/// JSON patterns (SPEC.md §5): <c>{ condition }</c> combined with <c>&amp;&amp;</c> (binding tighter),
/// <c>||</c> and parentheses. Whitespace, line breaks included, is optional between every two tokens.
/// </summary>
internal sealed class JsonPatternParser
{
    private readonly PatternCursor _cursor;
    private int _regexes;
    private int _wildcardSelectors;

    private JsonPatternParser(string text) => _cursor = new PatternCursor(text);

    public static JsonPattern Parse(string text)
    {
        // Trailing whitespace after the closing brace is accepted (SPEC.md §8.6 leaves it open): a deployed
        // template with a final newline should be judged, not refused.
        var end = text.TrimEnd();
        if (end[^1] != '}')
        {
            throw PatternCursor.FailAt(end.Length + 1, $"expected `}}` at column {end.Length + 1}: a pattern that starts with `{{` must end with `}}`");
        }

        var parser = new JsonPatternParser(text);
        return new JsonPattern(text, parser.ParseWhole());
    }

    private JsonExpression ParseWhole()
    {
        _cursor.Expect("{");
        _cursor.SkipWhitespace();
        var expression = ParseOr(depth: 0);
        _cursor.SkipWhitespace();
        if (_cursor.Current != '}')
        {
            throw _cursor.Expected("`&&`, `||` or `}`");
        }

        _cursor.Position++;
        _cursor.SkipWhitespace();
        if (!_cursor.AtEnd)
        {
            throw _cursor.Fail($"unexpected {_cursor.DescribeCurrent()} at column {_cursor.Column} after the closing `}}`");
        }

        return expression;
    }

    private JsonExpression ParseOr(int depth)
    {
        var operands = new List<JsonExpression> { ParseAnd(depth) };
        while (_cursor.TryOperator("||"))
        {
            operands.Add(ParseAnd(depth));
        }

        return operands.Count == 1 ? operands[0] : new JsonOr(Flatten<JsonOr>(operands, or => or.Operands));
    }

    private JsonExpression ParseAnd(int depth)
    {
        var operands = new List<JsonExpression> { ParsePrimary(depth) };
        while (_cursor.TryOperator("&&"))
        {
            operands.Add(ParsePrimary(depth));
        }

        return operands.Count == 1 ? operands[0] : new JsonAnd(Flatten<JsonAnd>(operands, and => and.Operands));
    }

    private JsonExpression ParsePrimary(int depth)
    {
        if (_cursor.Current != '(')
        {
            return ParseCondition();
        }

        if (depth >= PatternLimits.MaxNesting)
        {
            throw _cursor.Fail($"parentheses nested more than {PatternLimits.MaxNesting} deep at column {_cursor.Column}");
        }

        var open = _cursor.Column;
        _cursor.Position++;
        _cursor.SkipWhitespace();
        var inner = ParseOr(depth + 1);
        _cursor.SkipWhitespace();
        if (_cursor.Current != ')')
        {
            throw _cursor.Fail($"expected `)` at column {_cursor.Column} to close the `(` at column {open}, found {_cursor.DescribeCurrent()}");
        }

        _cursor.Position++;
        return inner;
    }

    private JsonCondition ParseCondition()
    {
        var selector = SelectorParser.Parse(_cursor);
        if (selector.HasWildcard && ++_wildcardSelectors > PatternLimits.MaxWildcardSelectors)
        {
            throw PatternCursor.FailAt(_cursor.Column - selector.Text.Length, $"a pattern may use at most {PatternLimits.MaxWildcardSelectors} wildcard selectors; `{selector.Text}` is one more");
        }

        _cursor.SkipWhitespace();
        var operatorColumn = _cursor.Column;
        var op = ParseOperator();
        if (op is ComparisonOperator.IsNull or ComparisonOperator.IsTrue or ComparisonOperator.IsFalse or ComparisonOperator.NotExists)
        {
            return new JsonCondition(selector, op, null);
        }

        _cursor.SkipWhitespace();
        var value = PatternValueParser.ParseJsonValue(_cursor, op, operatorColumn);
        if (value is RegexValue && ++_regexes > PatternLimits.MaxRegexes)
        {
            throw PatternCursor.FailAt(_cursor.Column - value.Text.Length, $"a pattern may contain at most {PatternLimits.MaxRegexes} regular expressions");
        }

        return new JsonCondition(selector, op, value);
    }

    private ComparisonOperator ParseOperator()
    {
        if (_cursor.TryComparison() is { } comparison)
        {
            return comparison;
        }

        if (_cursor.TryConsume("IS"))
        {
            return ParseIsOperator();
        }

        if (_cursor.TryConsume("NOT"))
        {
            RequireSpace("EXISTS");
            if (!_cursor.TryConsume("EXISTS"))
            {
                throw _cursor.Expected("`EXISTS` after `NOT`");
            }

            return ComparisonOperator.NotExists;
        }

        if (_cursor.StartsWith("EXISTS"))
        {
            throw _cursor.Fail($"`EXISTS` at column {_cursor.Column} is not supported by CloudWatch Logs; test presence with `= *` or absence with `NOT EXISTS`");
        }

        throw _cursor.Expected("a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`, `IS NULL`, `IS TRUE`, `IS FALSE` or `NOT EXISTS`)");
    }

    private ComparisonOperator ParseIsOperator()
    {
        RequireSpace("NULL, TRUE or FALSE");
        if (_cursor.TryConsume("NULL")) return ComparisonOperator.IsNull;
        if (_cursor.TryConsume("TRUE")) return ComparisonOperator.IsTrue;
        if (_cursor.TryConsume("FALSE")) return ComparisonOperator.IsFalse;
        if (_cursor.StartsWith("NOT"))
        {
            throw _cursor.Fail($"`IS NOT` at column {_cursor.Column} is not supported by CloudWatch Logs; use `NOT EXISTS`, `!=` or `= *`");
        }

        throw _cursor.Expected("`NULL`, `TRUE` or `FALSE` after `IS`");
    }

    private void RequireSpace(string next)
    {
        if (!PatternCursor.IsWhitespace(_cursor.Current))
        {
            throw _cursor.Expected($"a space before {next}");
        }

        _cursor.SkipWhitespace();
    }

    private static List<JsonExpression> Flatten<T>(List<JsonExpression> operands, Func<T, IReadOnlyList<JsonExpression>> inner)
        where T : JsonExpression =>
        operands.SelectMany(operand => operand is T same ? inner(same) : [operand]).ToList();
}
