using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Parsing;

/// <summary>
/// Space-delimited patterns (SPEC.md §6): <c>[field, field = value, ..., field]</c>. Conditions joined with
/// <c>&amp;&amp;</c> or <c>||</c> in one slot must all name that slot's field, as the console requires.
/// </summary>
internal sealed class DelimitedPatternParser
{
    private readonly PatternCursor _cursor;
    private int _regexes;

    private DelimitedPatternParser(string text) => _cursor = new PatternCursor(text);

    public static DelimitedPattern Parse(string text)
    {
        var end = text.TrimEnd();
        if (end[^1] != ']')
        {
            throw PatternCursor.FailAt(end.Length + 1, $"expected `]` at column {end.Length + 1}: a pattern that starts with `[` must end with `]`");
        }

        return new DelimitedPattern(text, new DelimitedPatternParser(text).ParseFields());
    }

    private List<DelimitedField> ParseFields()
    {
        _cursor.Expect("[");
        _cursor.SkipWhitespace();
        var fields = new List<DelimitedField>();
        if (_cursor.TryConsume("]"))
        {
            return EndOfPattern(fields);
        }

        while (true)
        {
            _cursor.SkipWhitespace();
            fields.Add(ParseField());
            _cursor.SkipWhitespace();
            if (_cursor.TryConsume(","))
            {
                continue;
            }

            if (_cursor.TryConsume("]"))
            {
                return EndOfPattern(fields);
            }

            throw _cursor.Expected("`,` or `]`");
        }
    }

    private List<DelimitedField> EndOfPattern(List<DelimitedField> fields)
    {
        _cursor.SkipWhitespace();
        if (!_cursor.AtEnd)
        {
            throw _cursor.Fail($"unexpected {_cursor.DescribeCurrent()} at column {_cursor.Column} after the closing `]`");
        }

        return fields;
    }

    private DelimitedField ParseField()
    {
        if (_cursor.TryConsume("..."))
        {
            return new EllipsisField();
        }

        if (_cursor.Current is ',' or ']')
        {
            return new NamedField(null, null);
        }

        var name = ParseName();
        _cursor.SkipWhitespace();
        if (_cursor.Current is ',' or ']')
        {
            return new NamedField(name, null);
        }

        return new NamedField(name, ParseOr(name, nameRead: true));
    }

    // The slot's first name is read by ParseField; every later condition in the slot repeats it.
    private FieldExpression ParseOr(string field, bool nameRead)
    {
        var operands = new List<FieldExpression> { ParseAnd(field, nameRead) };
        while (_cursor.TryOperator("||"))
        {
            operands.Add(ParseAnd(field, nameRead: false));
        }

        return operands.Count == 1 ? operands[0] : new FieldOr(operands);
    }

    private FieldExpression ParseAnd(string field, bool nameRead)
    {
        var operands = new List<FieldExpression> { ParseCondition(field, nameRead) };
        while (_cursor.TryOperator("&&"))
        {
            operands.Add(ParseCondition(field, nameRead: false));
        }

        return operands.Count == 1 ? operands[0] : new FieldAnd(operands);
    }

    private FieldCondition ParseCondition(string field, bool nameRead)
    {
        var column = _cursor.Column;
        var name = nameRead ? field : ParseName();
        if (name != field)
        {
            throw PatternCursor.FailAt(column, $"conditions in one field must all test `{field}`, but column {column} tests `{name}`; give `{name}` its own field");
        }

        _cursor.SkipWhitespace();
        var operatorColumn = _cursor.Column;
        var op = ParseOperator();
        _cursor.SkipWhitespace();
        var value = PatternValueParser.ParseFieldValue(_cursor, op, operatorColumn);
        if (value is RegexValue && ++_regexes > PatternLimits.MaxRegexes)
        {
            throw PatternCursor.FailAt(_cursor.Column - value.Text.Length, $"a pattern may contain at most {PatternLimits.MaxRegexes} regular expressions");
        }

        return new FieldCondition(name, op, value);
    }

    private ComparisonOperator ParseOperator() =>
        _cursor.TryComparison() ?? throw _cursor.Expected("a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`), `,` or `]`");

    private string ParseName()
    {
        var start = _cursor.Position;
        while (char.IsAsciiLetterOrDigit(_cursor.Current) || _cursor.Current is '_' or '-')
        {
            _cursor.Position++;
        }

        return _cursor.Position == start
            ? throw _cursor.Expected("a field name, `...`, `,` or `]`")
            : _cursor.Text[start.._cursor.Position];
    }
}
