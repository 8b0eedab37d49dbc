namespace Tocsin.Iac.Terraform;

/// <summary>The position in the text: whitespace and comments, identifiers, and errors at the line and column reached.</summary>
internal sealed partial class HclParser
{
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
