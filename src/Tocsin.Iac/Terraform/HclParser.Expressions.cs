using System.Globalization;

namespace Tocsin.Iac.Terraform;

/// <summary>Expressions: operators by precedence, references and their steps, calls, tuples, objects, numbers.</summary>
internal sealed partial class HclParser
{
    public HclExpression ParseExpression()
    {
        Descend();
        try
        {
            return ParseConditional();
        }
        finally
        {
            _depth--;
        }
    }

    private HclExpression ParseConditional()
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
            Descend();
            try
            {
                return new HclUnary(op, ParseUnary(), line);
            }
            finally
            {
                _depth--;
            }
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
                else if (char.IsAsciiDigit(Peek))
                {
                    var start = _position;
                    while (char.IsAsciiDigit(Peek))
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

        if (char.IsAsciiDigit(Peek))
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
        while (char.IsAsciiDigit(Peek))
        {
            Advance();
        }

        if (Peek == '.' && char.IsAsciiDigit(PeekAt(1)))
        {
            Advance();
            while (char.IsAsciiDigit(Peek))
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

            if (!char.IsAsciiDigit(Peek))
            {
                throw Error("the digits of an exponent");
            }

            while (char.IsAsciiDigit(Peek))
            {
                Advance();
            }
        }

        return new HclLiteral(new HclNumber(double.Parse(text[start.._position], CultureInfo.InvariantCulture)), line);
    }
}
