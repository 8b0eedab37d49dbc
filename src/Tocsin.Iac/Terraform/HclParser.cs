using System.Globalization;
using System.Text;

namespace Tocsin.Iac.Terraform;

/// <summary>
/// A recursive-descent reader of HCL native syntax: bodies, blocks, attributes and expressions. Newlines end an
/// attribute in a body and are whitespace inside brackets. Errors are thrown as <see cref="HclSyntaxError"/> with
/// the line and column, and caught once by <see cref="HclParse"/>.
/// </summary>
internal sealed class HclParser(string text, int firstLine = 1)
{
    private int _position;
    private int _line = firstLine;
    private int _column = 1;
    private int _nesting;

    public HclBody ParseFile()
    {
        var body = ParseBody(endsWithBrace: false);
        return body;
    }

    private HclBody ParseBody(bool endsWithBrace)
    {
        var saved = _nesting;
        _nesting = 0;
        var attributes = new List<HclAttribute>();
        var blocks = new List<HclBlock>();
        while (true)
        {
            SkipTrivia(newlines: true);
            if (AtEnd)
            {
                if (endsWithBrace)
                {
                    throw Error("'}'");
                }

                break;
            }

            if (Peek == '}' && endsWithBrace)
            {
                Advance();
                break;
            }

            var line = _line;
            var name = Identifier("an attribute name or a block type");
            SkipTrivia(newlines: false);
            if (Peek == '=' && PeekAt(1) != '=')
            {
                Advance();
                var value = ParseExpression();
                attributes.Add(new HclAttribute(name, value, line));
                EndOfItem();
                continue;
            }

            var labels = new List<string>();
            while (Peek == '"' || IsIdentifierStart(Peek))
            {
                labels.Add(Peek == '"' ? QuotedLabel() : Identifier("a block label"));
                SkipTrivia(newlines: false);
            }

            Expect('{', "'=' or '{'");
            var inner = ParseBody(endsWithBrace: true);
            blocks.Add(new HclBlock(name, labels, inner, line));
            EndOfItem();
        }

        _nesting = saved;
        return new HclBody(attributes, blocks);
    }

    private void EndOfItem()
    {
        SkipTrivia(newlines: false);
        if (AtEnd || Peek == '}')
        {
            return;
        }

        if (Peek == '\n')
        {
            Advance();
            return;
        }

        throw Error("a newline");
    }

    private string QuotedLabel()
    {
        var template = (HclTemplate)ParseQuoted();
        return template.Parts is [] ? "" : template.Parts is [HclLiteral { Value: HclString s }] ? s.Value : throw Error("a plain string label");
    }

    public HclExpression ParseExpression()
    {
        SkipTrivia(newlines: _nesting > 0);
        var condition = ParseBinary(0);
        SkipTrivia(newlines: _nesting > 0);
        if (Peek != '?')
        {
            return condition;
        }

        Advance();
        var whenTrue = ParseExpression();
        SkipTrivia(newlines: _nesting > 0);
        Expect(':', "':' of a conditional");
        var whenFalse = ParseExpression();
        return new HclConditional(condition, whenTrue, whenFalse, condition.Line);
    }

    private static readonly string[][] Precedence =
    [
        ["||"],
        ["&&"],
        ["==", "!="],
        ["<=", ">=", "<", ">"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private HclExpression ParseBinary(int level)
    {
        if (level == Precedence.Length)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (true)
        {
            SkipTrivia(newlines: _nesting > 0);
            var op = Precedence[level].FirstOrDefault(o => text.AsSpan(_position).StartsWith(o) && !(o is "<" && PeekAt(1) == '<'));
            if (op is null)
            {
                return left;
            }

            Advance(op.Length);
            var right = ParseBinary(level + 1);
            left = new HclBinary(op, left, right, left.Line);
        }
    }

    private HclExpression ParseUnary()
    {
        SkipTrivia(newlines: _nesting > 0);
        if (Peek is '-' or '!')
        {
            var line = _line;
            var op = Advance().ToString();
            return new HclUnary(op, ParseUnary(), line);
        }

        return ParsePostfix(ParsePrimary());
    }

    private HclExpression ParsePostfix(HclExpression target)
    {
        var steps = new List<HclStep>();
        while (true)
        {
            if (Peek == '.')
            {
                Advance();
                if (Peek == '*')
                {
                    Advance();
                    steps.Add(new HclStep(null, null, Splat: true));
                }
                else if (char.IsDigit(Peek))
                {
                    var start = _position;
                    while (char.IsDigit(Peek))
                    {
                        Advance();
                    }

                    steps.Add(new HclStep(null, new HclLiteral(new HclNumber(double.Parse(text[start.._position], CultureInfo.InvariantCulture)), _line)));
                }
                else
                {
                    steps.Add(new HclStep(Identifier("an attribute name after '.'"), null));
                }
            }
            else if (Peek == '[')
            {
                Advance();
                _nesting++;
                SkipTrivia(newlines: true);
                if (Peek == '*')
                {
                    Advance();
                    steps.Add(new HclStep(null, null, Splat: true));
                }
                else
                {
                    steps.Add(new HclStep(null, ParseExpression()));
                }

                SkipTrivia(newlines: true);
                _nesting--;
                Expect(']', "']'");
            }
            else
            {
                break;
            }
        }

        if (steps.Count == 0)
        {
            return target;
        }

        return target is HclReference reference
            ? reference with { Steps = [.. reference.Steps, .. steps] }
            : new HclIndexed(target, steps, target.Line);
    }

    private HclExpression ParsePrimary()
    {
        var line = _line;
        switch (Peek)
        {
            case '"':
                return ParseQuoted();
            case '<' when PeekAt(1) == '<':
                return ParseHeredoc();
            case '[':
                return ParseTuple();
            case '{':
                return ParseObject();
            case '(':
            {
                Advance();
                _nesting++;
                var inner = ParseExpression();
                SkipTrivia(newlines: true);
                _nesting--;
                Expect(')', "')'");
                return inner;
            }
        }

        if (char.IsDigit(Peek))
        {
            return ParseNumber();
        }

        if (!IsIdentifierStart(Peek))
        {
            throw Error("an expression");
        }

        var name = Identifier("an expression");
        switch (name)
        {
            case "true":
                return new HclLiteral(new HclBool(true), line);
            case "false":
                return new HclLiteral(new HclBool(false), line);
            case "null":
                return new HclLiteral(HclValue.Null, line);
        }

        SkipTrivia(newlines: false);
        if (Peek == '(')
        {
            return ParseCall(name, line);
        }

        return new HclReference(name, [], line);
    }

    private HclCall ParseCall(string name, int line)
    {
        Advance();
        _nesting++;
        var arguments = new List<HclExpression>();
        SkipTrivia(newlines: true);
        while (Peek != ')')
        {
            arguments.Add(ParseExpression());
            SkipTrivia(newlines: true);
            if (text.AsSpan(_position).StartsWith("..."))
            {
                Advance(3);
                SkipTrivia(newlines: true);
            }

            if (Peek == ',')
            {
                Advance();
                SkipTrivia(newlines: true);
            }
            else if (Peek != ')')
            {
                throw Error("',' or ')'");
            }
        }

        Advance();
        _nesting--;
        return new HclCall(name, arguments, line);
    }

    private HclExpression ParseTuple()
    {
        var line = _line;
        Advance();
        _nesting++;
        SkipTrivia(newlines: true);
        if (StartsWithKeyword("for"))
        {
            SkipBalanced('[', ']');
            _nesting--;
            return new HclForExpression(line);
        }

        var items = new List<HclExpression>();
        while (Peek != ']')
        {
            items.Add(ParseExpression());
            SkipTrivia(newlines: true);
            if (Peek == ',')
            {
                Advance();
                SkipTrivia(newlines: true);
            }
            else if (Peek != ']')
            {
                throw Error("',' or ']'");
            }
        }

        Advance();
        _nesting--;
        return new HclTuple(items, line);
    }

    private HclExpression ParseObject()
    {
        var line = _line;
        Advance();
        _nesting++;
        SkipTrivia(newlines: true);
        if (StartsWithKeyword("for"))
        {
            SkipBalanced('{', '}');
            _nesting--;
            return new HclForExpression(line);
        }

        var items = new List<(HclExpression, HclExpression)>();
        while (Peek != '}')
        {
            var key = ParseExpression();
            SkipTrivia(newlines: true);
            if (Peek is not ('=' or ':'))
            {
                throw Error("'=' or ':' after an object key");
            }

            Advance();
            var value = ParseExpression();
            items.Add((key is HclReference { Steps: [] } bare ? new HclLiteral(new HclString(bare.Root), bare.Line) : key, value));
            SkipTrivia(newlines: true);
            if (Peek == ',')
            {
                Advance();
                SkipTrivia(newlines: true);
            }
            else if (Peek != '}' && _position > 0 && text[_position - 1] != '\n' && !PrecededByNewline())
            {
                throw Error("',', a newline or '}'");
            }
        }

        Advance();
        _nesting--;
        return new HclObject(items, line);
    }

    private bool PrecededByNewline()
    {
        for (var i = _position - 1; i >= 0; i--)
        {
            if (text[i] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return false;
    }

    private HclLiteral ParseNumber()
    {
        var line = _line;
        var start = _position;
        while (char.IsDigit(Peek))
        {
            Advance();
        }

        if (Peek == '.' && char.IsDigit(PeekAt(1)))
        {
            Advance();
            while (char.IsDigit(Peek))
            {
                Advance();
            }
        }

        if (Peek is 'e' or 'E')
        {
            Advance();
            if (Peek is '+' or '-')
            {
                Advance();
            }

            if (!char.IsDigit(Peek))
            {
                throw Error("the digits of an exponent");
            }

            while (char.IsDigit(Peek))
            {
                Advance();
            }
        }

        return new HclLiteral(new HclNumber(double.Parse(text[start.._position], CultureInfo.InvariantCulture)), line);
    }

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
        Advance();
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

                Advance(length);
                return char.ConvertFromUtf32(code);
            }

            default:
                _column -= 2;
                throw Error($"an escape such as \\n, \\\" or \\\\ (found '\\{c}')", found: false);
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
            Advance((end < 0 ? text.Length : end + 1) - _position);
            if (content.TrimEnd('\r').Trim() == marker)
            {
                break;
            }

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
                    if (Advance() == '\\')
                    {
                        Advance();
                    }
                }

                Advance();
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

    private bool StartsWithKeyword(string keyword) =>
        text.AsSpan(_position).StartsWith(keyword) && !IsIdentifierPart(PeekAt(keyword.Length));

    private string Identifier(string what)
    {
        if (!IsIdentifierStart(Peek))
        {
            throw Error(what);
        }

        var start = _position;
        while (IsIdentifierPart(Peek))
        {
            Advance();
        }

        return text[start.._position];
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    private void SkipTrivia(bool newlines)
    {
        while (!AtEnd)
        {
            var c = Peek;
            if (c is ' ' or '\t' or '\r' || (c == '\n' && newlines))
            {
                Advance();
            }
            else if (c == '#' || (c == '/' && PeekAt(1) == '/'))
            {
                while (!AtEnd && Peek != '\n')
                {
                    Advance();
                }
            }
            else if (c == '/' && PeekAt(1) == '*')
            {
                var line = _line;
                var column = _column;
                var end = text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new HclSyntaxError(line, column, "expected '*/' closing the comment, found the end of the file");
                }

                Advance(end + 2 - _position);
            }
            else
            {
                break;
            }
        }
    }

    private void Expect(char c, string what)
    {
        SkipTrivia(newlines: _nesting > 0);
        if (Peek != c)
        {
            throw Error(what);
        }

        Advance();
    }

    private HclSyntaxError Error(string expected, bool found = true) =>
        new(_line, _column, found ? $"expected {expected}, found {Found()}" : $"expected {expected}");

    private string Found() => AtEnd ? "the end of the file" : Peek == '\n' ? "a newline" : $"'{Peek}'";

    private bool AtEnd => _position >= text.Length;

    private char Peek => AtEnd ? '\0' : text[_position];

    private char PeekAt(int offset) => _position + offset < text.Length ? text[_position + offset] : '\0';

    private char Advance()
    {
        var c = text[_position++];
        if (c == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        return c;
    }

    private void Advance(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Advance();
        }
    }
}
