using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Parsing;

/// <summary>A read position in the pattern text, with the helpers every form's parser needs.</summary>
internal sealed class PatternCursor(string text)
{
    public string Text { get; } = text;

    public int Position { get; set; }

    public bool AtEnd => Position >= Text.Length;

    public char Current => AtEnd ? '\0' : Text[Position];

    /// <summary>1-based column of the current position, as the user counts it.</summary>
    public int Column => Position + 1;

    public char PeekAt(int offset) => Position + offset < Text.Length ? Text[Position + offset] : '\0';

    public bool StartsWith(string token) => string.CompareOrdinal(Text, Position, token, 0, token.Length) == 0;

    public void SkipWhitespace()
    {
        while (!AtEnd && IsWhitespace(Current))
        {
            Position++;
        }
    }

    public bool TryConsume(string token)
    {
        if (!StartsWith(token))
        {
            return false;
        }

        Position += token.Length;
        return true;
    }

    /// <summary>Consumes <paramref name="op"/> with the whitespace around it, or nothing at all.</summary>
    public bool TryOperator(string op)
    {
        var before = Position;
        SkipWhitespace();
        if (TryConsume(op))
        {
            SkipWhitespace();
            return true;
        }

        Position = before;
        return false;
    }

    /// <summary>Consumes <c>=</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>.</summary>
    public ComparisonOperator? TryComparison() =>
        TryConsume("!=") ? ComparisonOperator.NotEqual
        : TryConsume("<=") ? ComparisonOperator.LessOrEqual
        : TryConsume(">=") ? ComparisonOperator.GreaterOrEqual
        : TryConsume("=") ? ComparisonOperator.Equal
        : TryConsume("<") ? ComparisonOperator.Less
        : TryConsume(">") ? ComparisonOperator.Greater
        : null;

    public void Expect(string token)
    {
        if (!TryConsume(token))
        {
            throw Expected($"`{token}`");
        }
    }

    /// <summary>"expected `)` at column 47, found `}`".</summary>
    public PatternSyntaxException Expected(string what) =>
        Fail($"expected {what} at column {Column}, found {DescribeCurrent()}");

    public PatternSyntaxException Fail(string message) => FailAt(Column, message);

    public static PatternSyntaxException FailAt(int column, string message) => new(new PatternError(column, message));

    public string DescribeCurrent()
    {
        if (AtEnd)
        {
            return "the end of the pattern";
        }

        var c = Current;
        return c switch
        {
            ' ' => "a space",
            '\t' => "a tab",
            '\n' or '\r' => "a line break",
            _ when char.IsControl(c) => $"control character U+{(int)c:X4}",
            _ => $"`{c}`",
        };
    }

    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';
}
