using System.Globalization;
using System.Text;

namespace Tocsin.Iac.Terraform;

/// <summary>Strings and heredocs: literal text, escapes, <c>${...}</c> interpolations and <c>%{...}</c> directives.</summary>
internal sealed partial class HclParser
{
    private HclTemplate ParseQuoted()
    {
        var line = _line;
        Advance();
        return ParseTemplate(line, closing: '"');
    }

    /// <summary>Template text up to <paramref name="closing"/> (or the end when it is <c>\0</c>).</summary>
    internal HclTemplate ParseTemplate(int line, char closing)
    {
        var parts = new List<HclExpression>();
        var literal = new StringBuilder();
        var literalLine = _line;

        void Flush()
        {
            if (literal.Length > 0)
            {
                parts.Add(new HclLiteral(new HclString(literal.ToString()), literalLine));
                literal.Clear();
            }
        }

        while (true)
        {
            if (AtEnd)
            {
                if (closing == '\0')
                {
                    break;
                }

                throw Error("the closing '\"' of a string");
            }

            var c = Peek;
            if (c == closing)
            {
                Advance();
                break;
            }

            if (c == '\n' && closing == '"')
            {
                throw Error("the closing '\"' of a string");
            }

            if (c == '\\' && closing == '"')
            {
                literal.Append(Escape());
            }
            else if ((c == '$' || c == '%') && PeekAt(1) == c && PeekAt(2) == '{')
            {
                Advance(2);
                literal.Append(c).Append('{');
                Advance();
            }
            else if (c == '$' && PeekAt(1) == '{')
            {
                Flush();
                Advance(2);
                _nesting++;
                var inner = ParseExpression();
                SkipTrivia(newlines: true);
                _nesting--;
                Expect('}', "'}' closing an interpolation");
                parts.Add(inner);
                literalLine = _line;
            }
            else if (c == '%' && PeekAt(1) == '{')
            {
                Flush();
                var directiveLine = _line;
                var start = _position;
                Advance();
                SkipBalanced('{', '}');
                parts.Add(new HclDirective(text[start.._position], directiveLine));
                literalLine = _line;
            }
            else
            {
                literal.Append(Advance());
            }
        }

        Flush();
        return new HclTemplate(parts, line);
    }

    private string Escape()
    {
        var (line, column) = (_line, _column); // where the backslash is: the escape's character may be a newline
        Advance();
        if (AtEnd)
        {
            throw Error("a character after '\\'", found: false);
        }

        var c = Advance();
        switch (c)
        {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case '"': return "\"";
            case '\\': return "\\";
            case 'u' or 'U':
            {
                var length = c == 'u' ? 4 : 8;
                var hex = _position + length <= text.Length ? text.Substring(_position, length) : "";
                if (!int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                {
                    throw Error($"{length} hexadecimal digits after '\\{c}'");
                }

                if (code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
                {
                    throw new HclSyntaxError(_line, _column, $"'\\{c}{hex}' is not a Unicode character");
                }

                Advance(length);
                return char.ConvertFromUtf32(code);
            }

            default:
                throw new HclSyntaxError(line, column, $"expected an escape such as \\n, \\\" or \\\\ (found {(c == '\n' ? "'\\' at the end of a line" : $"'\\{c}'")})");
        }
    }

    private HclTemplate ParseHeredoc()
    {
        var line = _line;
        Advance(2);
        var indented = Peek == '-';
        if (indented)
        {
            Advance();
        }

        var marker = Identifier("a heredoc marker such as EOF");
        SkipTrivia(newlines: false);
        if (Peek != '\n')
        {
            throw Error("a newline after the heredoc marker");
        }

        Advance();
        var firstLine = _line;
        var lines = new List<string>();
        while (true)
        {
            if (AtEnd)
            {
                throw new HclSyntaxError(line, 1, $"expected the closing marker {marker} of the heredoc opened on line {line}, found the end of the file");
            }

            var end = text.IndexOf('\n', _position);
            var content = end < 0 ? text[_position..] : text[_position..end];
            if (content.TrimEnd('\r').Trim() == marker)
            {
                // The newline after the closing marker ends the attribute, as after any other value.
                Advance((end < 0 ? text.Length : end) - _position);
                break;
            }

            Advance((end < 0 ? text.Length : end + 1) - _position);

            lines.Add(content.TrimEnd('\r'));
        }

        if (indented)
        {
            var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
            lines = [.. lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())];
        }

        var body = string.Concat(lines.Select(l => l + "\n"));
        var template = new HclParser(body, firstLine).ParseTemplate(line, closing: '\0');
        return template with { Line = line };
    }

    private void SkipBalanced(char open, char close)
    {
        var depth = 1;
        if (Peek == open)
        {
            Advance();
        }

        while (depth > 0)
        {
            if (AtEnd)
            {
                throw Error($"'{close}'");
            }

            var c = Advance();
            if (c == '"')
            {
                while (!AtEnd && Peek != '"')
                {
                    if (Advance() == '\\' && !AtEnd)
                    {
                        Advance();
                    }
                }

                if (!AtEnd)
                {
                    Advance();
                }
            }
            else if (c == open)
            {
                depth++;
            }
            else if (c == close)
            {
                depth--;
            }
        }
    }
}
