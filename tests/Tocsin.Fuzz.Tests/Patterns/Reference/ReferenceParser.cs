using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tocsin.Fuzz.Tests.Patterns.Reference;

/// <summary>
/// Reads the part of the filter-pattern language the reference covers (SPEC.md §1–§5, §7): term patterns,
/// standalone regexes, and JSON patterns. Returns null for anything else, including every pattern the language
/// rejects and every space-delimited pattern (which the reference does not cover). Written as a lexer into a
/// token list and a precedence-climbing parser over it, unlike Tocsin's recursive descent over a cursor.
/// </summary>
internal static partial class ReferenceParser
{
    private const int MaxLength = 1024;

    public static ReferencePattern? Parse(string text)
    {
        if (text.Length > MaxLength)
            return null;
        if (text.All(IsBlank))
            return new EveryEvent();
        return text[0] switch
        {
            '{' => ParseJson(text),
            '[' => null,
            '%' => text.Length >= 2 && text[^1] == '%' && ToDotNetRegex(text[1..^1]) is { } regex ? new SearchRegex(regex) : null,
            _ => ParseWords(text),
        };
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    private static Words? ParseWords(string text)
    {
        var items = new List<Word>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && IsBlank(text[i]))
                i++;
            if (i == text.Length)
                return new Words(items);
            var prefix = text[i] is '?' or '-' ? text[i++] : ' ';
            string? word;
            if (i < text.Length && text[i] == '"')
            {
                (word, i) = ReadQuoted(text, i);
            }
            else
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                    i++;
                word = i > start ? text[start..i] : null;
            }

            if (word is null || (i < text.Length && !IsBlank(text[i])))
                return null;
            items.Add(new Word(word, prefix));
        }
    }

    /// <summary>A double-quoted text from <paramref name="open"/>: a backslash takes the next character as it is.</summary>
    private static (string? Text, int Next) ReadQuoted(string text, int open)
    {
        var value = new StringBuilder();
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '"')
                return (value.ToString(), i + 1);
            if (text[i] == '\\' && i + 1 < text.Length)
                i++;
            value.Append(text[i]);
        }

        return (null, text.Length);
    }

    /// <summary>
    /// The regex subset the reference understands: letters, digits, <c>. * + ? | ^ $</c>, <c>[...]</c> classes of
    /// letters and digits, and <c>\d</c>. Anything else is outside the reference's language.
    /// </summary>
    internal static Regex? ToDotNetRegex(string body)
    {
        if (Compiled.TryGetValue(body, out var known))
            return known;
        var regex = Translate(body);
        if (Compiled.Count < 10_000)
            Compiled[body] = regex;
        return regex;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex?> Compiled = new(StringComparer.Ordinal);

    private static Regex? Translate(string body)
    {
        var dotNet = new StringBuilder();
        var inClass = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length && body[i + 1] == 'd')
            {
                dotNet.Append(inClass ? "0-9" : "[0-9]");
                i++;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == ' ' || (inClass && c == '-') || (!inClass && c is '.' or '*' or '+' or '?' or '|' or '^' or '$'))
            {
                dotNet.Append(c);
            }
            else if (c == '[' && !inClass)
            {
                inClass = true;
                dotNet.Append(c);
            }
            else if (c == ']' && inClass && body[i - 1] != '[')
            {
                inClass = false;
                dotNet.Append(c);
            }
            else
            {
                return null;
            }
        }

        if (inClass)
            return null;
        try
        {
            return new Regex(dotNet.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static JsonRule? ParseJson(string text)
    {
        if (text[^1] != '}' || text.Length < 2)
            return null;
        var tokens = JsonLexer.Lex(text[1..^1]);
        if (tokens is null)
            return null;
        var reader = new TokenReader(tokens);
        var rule = reader.Or(depth: 0);
        if (rule is null || !reader.AtEnd || !WithinQuotas(rule))
            return null;
        return new JsonRule(rule);
    }

    private static bool WithinQuotas(Rule rule)
    {
        var tests = Tests(rule).ToList();
        return tests.Count(t => t.Operand is RegexOperand) <= 2 &&
               tests.All(t => t.Path.Count(hop => hop.AnyChild) <= 1) &&
               tests.Count(t => t.Path.Any(hop => hop.AnyChild)) <= 3;
    }

    private static IEnumerable<Test> Tests(Rule rule) => rule switch
    {
        AllOf all => all.Parts.SelectMany(Tests),
        AnyOf any => any.Parts.SelectMany(Tests),
        Test test => [test],
        _ => [],
    };

    private sealed class TokenReader(List<Token> tokens)
    {
        private int _at;

        public bool AtEnd => _at == tokens.Count;

        private Token? Peek => _at < tokens.Count ? tokens[_at] : null;

        public Rule? Or(int depth) => Chain(TokenKind.Or, () => And(depth), parts => new AnyOf(parts));

        private Rule? And(int depth) => Chain(TokenKind.And, () => Primary(depth), parts => new AllOf(parts));

        private Rule? Chain(TokenKind joiner, Func<Rule?> operand, Func<List<Rule>, Rule> combine)
        {
            var parts = new List<Rule>();
            do
            {
                if (operand() is not { } part)
                    return null;
                parts.Add(part);
            }
            while (Peek?.Kind == joiner && ++_at > 0);

            return parts.Count == 1 ? parts[0] : combine(parts);
        }

        private Rule? Primary(int depth)
        {
            switch (Peek?.Kind)
            {
                case TokenKind.Open when depth < 60:
                    _at++;
                    var inner = Or(depth + 1);
                    if (inner is null || Peek?.Kind != TokenKind.Close)
                        return null;
                    _at++;
                    return inner;
                case TokenKind.Path:
                    var path = tokens[_at++].Path!;
                    if (Peek is not { Kind: TokenKind.Operator } op)
                        return null;
                    _at++;
                    return new Test(path, op.Text!, op.Operand);
                default:
                    return null;
            }
        }
    }

    private enum TokenKind { Open, Close, And, Or, Path, Operator }

    /// <summary>For <see cref="TokenKind.Operator"/>, the operator with its operand already read (null for keywords).</summary>
    private sealed record Token(TokenKind Kind, string? Text = null, IReadOnlyList<Hop>? Path = null, Operand? Operand = null);

    private static class JsonLexer
    {
        private static readonly string[] Keywords = ["IS NULL", "IS TRUE", "IS FALSE", "NOT EXISTS"];

        public static List<Token>? Lex(string s)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (true)
            {
                while (i < s.Length && IsBlank(s[i]))
                    i++;
                if (i == s.Length)
                    return tokens;
                var rest = s.AsSpan(i);
                if (rest[0] == '(' || rest[0] == ')')
                {
                    tokens.Add(new Token(rest[0] == '(' ? TokenKind.Open : TokenKind.Close));
                    i++;
                }
                else if (rest.StartsWith("&&") || rest.StartsWith("||"))
                {
                    tokens.Add(new Token(rest[0] == '&' ? TokenKind.And : TokenKind.Or));
                    i += 2;
                }
                else if (rest[0] == '$')
                {
                    if (ReadPath(s, ref i) is not { } path)
                        return null;
                    tokens.Add(new Token(TokenKind.Path, Path: path));
                }
                else if (ReadKeyword(s, ref i) is { } keyword)
                {
                    tokens.Add(new Token(TokenKind.Operator, keyword));
                }
                else if (ReadComparison(s, ref i) is { } comparison)
                {
                    tokens.Add(comparison);
                }
                else
                {
                    return null;
                }
            }
        }

        private static string? ReadKeyword(string s, ref int i)
        {
            foreach (var keyword in Keywords)
            {
                var words = keyword.Split(' ');
                var j = i;
                if (string.CompareOrdinal(s, j, words[0], 0, words[0].Length) != 0)
                    continue;
                j += words[0].Length;
                var gap = j;
                while (j < s.Length && IsBlank(s[j]))
                    j++;
                if (j == gap || string.CompareOrdinal(s, j, words[1], 0, words[1].Length) != 0)
                    continue;
                j += words[1].Length;
                if (j < s.Length && (IsWordChar(s[j]) || s[j] is '-' or '.' or '*' or '+'))
                    return null;
                i = j;
                return keyword;
            }

            return null;
        }

        private static Token? ReadComparison(string s, ref int i)
        {
            var symbol = s.AsSpan(i) switch
            {
                var r when r.StartsWith("!=") => "!=",
                var r when r.StartsWith("<=") => "<=",
                var r when r.StartsWith(">=") => ">=",
                var r when r.StartsWith("=") => "=",
                var r when r.StartsWith("<") => "<",
                var r when r.StartsWith(">") => ">",
                _ => null,
            };
            if (symbol is null)
                return null;
            i += symbol.Length;
            while (i < s.Length && IsBlank(s[i]))
                i++;
            if (i == s.Length)
                return null;
            var relational = symbol is not ("=" or "!=");
            Operand? operand;
            if (s[i] == '"')
            {
                (var text, i) = ReadQuoted(s, i);
                operand = text is null || relational ? null : new TextOperand(text);
            }
            else if (s[i] == '%')
            {
                var close = s.IndexOf('%', i + 1);
                operand = close < 0 || relational || ToDotNetRegex(s[(i + 1)..close]) is not { } regex ? null : new RegexOperand(regex);
                i = close + 1;
            }
            else
            {
                var start = i;
                while (i < s.Length && (IsWordChar(s[i]) || s[i] is '.' or '*' or '-' or '+'))
                    i++;
                var bare = s[start..i];
                var ends = i == s.Length || IsBlank(s[i]) || s[i] == ')' || s.AsSpan(i).StartsWith("&&") || s.AsSpan(i).StartsWith("||");
                if (bare.Length == 0 || !ends)
                    return null;
                operand = NumberShape().IsMatch(bare)
                    ? new NumberOperand(double.Parse(bare, NumberStyles.Float, CultureInfo.InvariantCulture))
                    : relational ? null : new TextOperand(bare);
            }

            return operand is null ? null : new Token(TokenKind.Operator, symbol, Operand: operand);
        }

        private static List<Hop>? ReadPath(string s, ref int i)
        {
            var hops = new List<Hop>();
            i++;
            while (i < s.Length)
            {
                var rest = s.AsSpan(i);
                if (rest.StartsWith(".*") || rest.StartsWith("[*]"))
                {
                    hops.Add(new Hop(null, null));
                    i += rest[0] == '.' ? 2 : 3;
                }
                else if (rest.StartsWith(".['") || (hops.Count > 0 && rest.StartsWith("['")))
                {
                    var open = i + (rest[0] == '.' ? 3 : 2);
                    var close = s.IndexOf("']", open, StringComparison.Ordinal);
                    if (close < 0 || s.IndexOf('\'', open) != close)
                        return null;
                    hops.Add(new Hop(s[open..close], null));
                    i = close + 2;
                }
                else if (rest[0] == '.')
                {
                    var start = ++i;
                    while (i < s.Length && (IsWordChar(s[i]) || s[i] == '-'))
                        i++;
                    if (i == start)
                        return null;
                    hops.Add(new Hop(s[start..i], null));
                }
                else if (rest[0] == '[' && hops.Count > 0)
                {
                    var close = s.IndexOf(']', i);
                    if (close < 0 || !int.TryParse(s.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                        return null;
                    hops.Add(new Hop(null, index));
                    i = close + 1;
                }
                else
                {
                    break;
                }
            }

            return hops.Count > 0 ? hops : null;
        }
    }

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberShape();
}
