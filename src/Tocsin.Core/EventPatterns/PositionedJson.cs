using System.Globalization;
using System.Text;

namespace Tocsin.Core.EventPatterns;

/// <summary>A JSON value of a pattern with the offset it starts at, so that a refusal can point at it.</summary>
internal abstract record JsonAt(int Offset);

internal sealed record ObjectAt(int Offset, IReadOnlyList<(string Key, int KeyOffset, JsonAt Value)> Members) : JsonAt(Offset);

internal sealed record ArrayAt(int Offset, IReadOnlyList<JsonAt> Items) : JsonAt(Offset);

internal sealed record StringAt(int Offset, string Text) : JsonAt(Offset);

internal sealed record NumberAt(int Offset, string Text, double Value) : JsonAt(Offset);

/// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed record LiteralAt(int Offset, string Literal) : JsonAt(Offset);

/// <summary>
/// A strict JSON reader (RFC 8259) that keeps offsets. Nesting is bounded by <see cref="EventPatternLimits.MaxNesting"/>,
/// so no input can exhaust the stack.
/// </summary>
internal sealed class PositionedJson
{
    private readonly string _text;
    private int _at;

    private PositionedJson(string text) => _text = text;

    public static JsonAt Read(string text)
    {
        var reader = new PositionedJson(text);
        reader.SkipWhitespace();
        var value = reader.Value(0);
        reader.SkipWhitespace();
        if (reader._at < text.Length)
        {
            throw reader.Fail($"unexpected `{text[reader._at]}` after the pattern's closing `}}`");
        }

        return value;
    }

    private JsonAt Value(int depth)
    {
        if (_at >= _text.Length)
        {
            throw Fail("the pattern ends where a value was expected");
        }

        var c = _text[_at];
        return c switch
        {
            '{' => Object(depth + 1),
            '[' => Array(depth + 1),
            '"' => new StringAt(_at, String()),
            '-' or (>= '0' and <= '9') => Number(),
            't' => Literal("true"),
            'f' => Literal("false"),
            'n' => Literal("null"),
            _ => throw Fail($"expected a JSON value, found `{c}`"),
        };
    }

    private ObjectAt Object(int depth)
    {
        CheckDepth(depth);
        var start = _at++;
        var members = new List<(string, int, JsonAt)>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _at++;
            return new ObjectAt(start, members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Fail(Peek() is { } found ? $"expected a quoted field name, found `{found}`" : "the pattern ends inside an object: expected a quoted field name");
            }

            var keyOffset = _at;
            var key = String();
            SkipWhitespace();
            Expect(':', "after a field name");
            SkipWhitespace();
            members.Add((key, keyOffset, Value(depth)));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _at++;
                continue;
            }

            Expect('}', "to close the object");
            return new ObjectAt(start, members);
        }
    }

    private ArrayAt Array(int depth)
    {
        CheckDepth(depth);
        var start = _at++;
        var items = new List<JsonAt>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _at++;
            return new ArrayAt(start, items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(Value(depth));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _at++;
                continue;
            }

            Expect(']', "to close the array");
            return new ArrayAt(start, items);
        }
    }

    private string String()
    {
        var open = _at++;
        var text = new StringBuilder();
        while (true)
        {
            if (_at >= _text.Length)
            {
                throw new EventPatternSyntaxException(open, "the quote opened here is never closed");
            }

            var c = _text[_at++];
            switch (c)
            {
                case '"':
                    return text.ToString();
                case '\\':
                    text.Append(Escape());
                    break;
                case < ' ':
                    _at--;
                    throw Fail("a control character must be escaped inside a JSON string");
                default:
                    text.Append(c);
                    break;
            }
        }
    }

    private string Escape()
    {
        var c = _at < _text.Length ? _text[_at++] : '\0';
        switch (c)
        {
            case '"': return "\"";
            case '\\': return "\\";
            case '/': return "/";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'u' when _at + 4 <= _text.Length && int.TryParse(_text.AsSpan(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                _at += 4;
                return ((char)code).ToString();
            default:
                _at -= 2;
                throw Fail("invalid escape in a JSON string");
        }
    }

    private NumberAt Number()
    {
        var start = _at;
        if (Peek() == '-')
        {
            _at++;
        }

        if (Peek() == '0')
        {
            _at++;
        }
        else if (Peek() is >= '1' and <= '9')
        {
            Digits();
        }
        else
        {
            throw Fail("expected a digit in a JSON number");
        }

        if (Peek() == '.')
        {
            _at++;
            if (Peek() is not (>= '0' and <= '9'))
            {
                throw Fail("expected a digit after the decimal point");
            }

            Digits();
        }

        if (Peek() is 'e' or 'E')
        {
            _at++;
            if (Peek() is '+' or '-')
            {
                _at++;
            }

            if (Peek() is not (>= '0' and <= '9'))
            {
                throw Fail("expected a digit in the exponent");
            }

            Digits();
        }

        var text = _text[start.._at];
        return new NumberAt(start, text, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private void Digits()
    {
        while (Peek() is >= '0' and <= '9')
        {
            _at++;
        }
    }

    private LiteralAt Literal(string literal)
    {
        if (string.CompareOrdinal(_text, _at, literal, 0, literal.Length) != 0)
        {
            throw Fail($"expected a JSON value, found `{Word()}`");
        }

        var start = _at;
        _at += literal.Length;
        return new LiteralAt(start, literal);
    }

    private string Word()
    {
        var end = _at;
        while (end < _text.Length && char.IsAsciiLetterOrDigit(_text[end]))
        {
            end++;
        }

        return _text[_at..Math.Max(end, _at + 1)];
    }

    private void CheckDepth(int depth)
    {
        if (depth > EventPatternLimits.MaxNesting)
        {
            throw Fail($"the pattern is nested deeper than {EventPatternLimits.MaxNesting} levels");
        }
    }

    private void Expect(char expected, string why)
    {
        if (Peek() != expected)
        {
            throw Fail(Peek() is { } found ? $"expected `{expected}` {why}, found `{found}`" : $"the pattern ends where `{expected}` was expected {why}");
        }

        _at++;
    }

    private char? Peek() => _at < _text.Length ? _text[_at] : null;

    private void SkipWhitespace()
    {
        while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\n' or '\r')
        {
            _at++;
        }
    }

    private EventPatternSyntaxException Fail(string message) => new(_at, message);
}
