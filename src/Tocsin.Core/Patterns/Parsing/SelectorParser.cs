using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Parsing;

/// <summary>
/// Property selectors (SPEC.md §5.1): <c>$</c> then <c>.name</c>, <c>[n]</c>, <c>[*]</c>, <c>.*</c> and
/// <c>.['dotted.key']</c>. A selector must start with <c>$.</c>; AWS refuses <c>{ status = "401" }</c>.
/// </summary>
internal static class SelectorParser
{
    public static JsonSelector Parse(PatternCursor cursor)
    {
        var start = cursor.Position;
        if (cursor.Current != '$')
        {
            var word = string.Concat(cursor.Text.Skip(start).TakeWhile(IsNameChar));
            throw word.Length > 0
                ? cursor.Fail($"a selector must start with `$.` at column {cursor.Column}, found `{word}` (did you mean `$.{word}`?)")
                : cursor.Expected("a selector starting with `$.` or `(`");
        }

        cursor.Position++;
        var steps = new List<SelectorStep>();
        while (TryStep(cursor, steps.Count == 0) is { } step)
        {
            steps.Add(step);
        }

        if (steps.Count == 0)
        {
            throw cursor.Expected("`.` and a property name after `$`");
        }

        var text = cursor.Text[start..cursor.Position];
        if (steps.Count(step => step is AnyElementStep or AnyPropertyStep) > PatternLimits.MaxWildcardsPerSelector)
        {
            throw PatternCursor.FailAt(start + 1, $"the selector `{text}` at column {start + 1} has more than one wildcard (`[*]` or `.*`); CloudWatch Logs allows one per selector");
        }

        return new JsonSelector(text, steps);
    }

    private static SelectorStep? TryStep(PatternCursor cursor, bool first)
    {
        switch (cursor.Current)
        {
            case '.' when cursor.PeekAt(1) == '*':
                cursor.Position += 2;
                return new AnyPropertyStep();
            case '.' when cursor.PeekAt(1) == '[':
                cursor.Position++;
                return ParseBracket(cursor);
            case '.':
                cursor.Position++;
                var nameStart = cursor.Position;
                while (IsNameChar(cursor.Current))
                {
                    cursor.Position++;
                }

                if (cursor.Position == nameStart)
                {
                    throw cursor.Expected("a property name after `.`");
                }

                return new PropertyStep(cursor.Text[nameStart..cursor.Position]);
            case '[' when first:
                throw cursor.Expected("`.` after `$` (an index must follow a property, as in `$.list[0]`)");
            case '[':
                return ParseBracket(cursor);
            default:
                return null;
        }
    }

    private static SelectorStep ParseBracket(PatternCursor cursor)
    {
        var open = cursor.Column;
        cursor.Expect("[");
        SelectorStep step;
        if (cursor.TryConsume("*"))
        {
            step = new AnyElementStep();
        }
        else if (cursor.Current == '\'')
        {
            cursor.Position++;
            var keyStart = cursor.Position;
            while (!cursor.AtEnd && cursor.Current != '\'')
            {
                cursor.Position++;
            }

            if (cursor.AtEnd)
            {
                throw cursor.Fail($"expected `'` at column {cursor.Column} to close the key opened at column {keyStart}");
            }

            step = new PropertyStep(cursor.Text[keyStart..cursor.Position]);
            cursor.Position++;
        }
        else
        {
            var digitsStart = cursor.Position;
            while (char.IsAsciiDigit(cursor.Current))
            {
                cursor.Position++;
            }

            if (cursor.Position == digitsStart || !int.TryParse(cursor.Text.AsSpan(digitsStart, cursor.Position - digitsStart), out var index))
            {
                throw cursor.Expected("an array index, `*` or a quoted key inside `[`");
            }

            step = new IndexStep(index);
        }

        if (cursor.Current != ']')
        {
            throw cursor.Fail($"expected `]` at column {cursor.Column} to close the `[` at column {open}, found {cursor.DescribeCurrent()}");
        }

        cursor.Position++;
        return step;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
