using System.Globalization;
using System.Text;

namespace Tocsin.Iac.Terraform;

/// <summary>
/// A recursive-descent reader of HCL native syntax: bodies, blocks, attributes and expressions. Newlines end an
/// attribute in a body and are whitespace inside brackets. Errors are thrown as <see cref="HclSyntaxError"/> with
/// the line and column, and caught once by <see cref="HclParse"/>.
/// </summary>
internal sealed partial class HclParser(string text, int firstLine = 1)
{
    private int _position;
    private int _line = firstLine;
    private int _column = 1;
    private int _nesting;
    private int _depth;

    /// <summary>How deep expressions and blocks may nest: far past any real configuration, well short of the stack's end.</summary>
    public const int MaxDepth = 256;

    public HclBody ParseFile()
    {
        var body = ParseBody(endsWithBrace: false);
        return body;
    }

    /// <summary>One level deeper; past <see cref="MaxDepth"/> the file is refused where it got too deep, before the stack runs out.</summary>
    private void Descend()
    {
        if (++_depth > MaxDepth)
        {
            _depth--;
            throw new HclSyntaxError(_line, _column, $"nested more than {MaxDepth} levels deep");
        }
    }

    private HclBody ParseBody(bool endsWithBrace)
    {
        Descend();
        try
        {
            return ParseBodyContent(endsWithBrace);
        }
        finally
        {
            _depth--;
        }
    }

    private HclBody ParseBodyContent(bool endsWithBrace)
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
            blocks.Add(new HclBlock(name, labels, inner, line) { EndLine = _line });
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
}
