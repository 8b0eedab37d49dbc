using System.Text;

namespace Tocsin.Fuzz.Tests.Patterns;

/// <summary>
/// Patterns written from the grammar of SPEC.md §2, within the quotas of §7, over the vocabulary of
/// <see cref="JsonEvents"/>: JSON patterns, term patterns, standalone regexes and space-delimited patterns.
/// </summary>
internal static class GrammarPatterns
{
    private static readonly string[] NumberLiterals = ["0", "1", "-1", "+1", "12", "12.0", "123", "100", "1e2", "1e400", "12.34", "0.1", "400", "500", "-0"];

    private static readonly string[] QuotedTexts =
    [
        "", "x", "ConsoleLogin", "Console*", "*Login", "*", "Root", "No", "Yes", "1*3", "*.111.111.111", "*111.111.111", "12*", "*4",
        "a*b", "*a*", "ab", "123", "123.0", "12.34", "é", "😀", "a b", "%Console%", "true", "\"q\"", "back\\slash", "**", "Ev*ent",
    ];

    private static readonly string[] BareTexts = ["ConsoleLogin", "Console*", "Root", "No", "Yes", "12.*", "111.111.*", "abc-def", "x_y", "*", "true", "null", "1.2.3", "*.34"];

    private static readonly string[] Regexes = ["Console", "^Con", "Login$", "[0-9]+", "a.b", "^[A-Z]", "No|Yes", "\\d\\d", "^$", "1+2?3*"];

    private static readonly string[] TermWords = ["ERROR", "Exception", "abc", "a_b", "123", "Login", "Console", "x", "No"];

    private static readonly string[] TermPhrases = ["[ERROR]", "a b", " ", "", "é", "\"q\"", "back\\slash", "{\"a\"", "Con sole", ":"];

    private static readonly string[] Blanks = ["", " ", "  ", "\t", "\n", "\r\n"];

    public static string Json(Random random)
    {
        var budget = new Quotas();
        var text = new StringBuilder("{");
        text.Append(Blank(random, optional: true));
        Or(random, text, budget, depth: 0);
        text.Append(Blank(random, optional: true));
        text.Append('}');
        return text.ToString();
    }

    public static string Terms(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(4) == 0)
            text.Append(Blank(random, optional: true));
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                text.Append(random.Next(3) == 0 ? "  " : " ");
            text.Append(random.Next(3) switch { 0 => "?", 1 => "-", _ => "" });
            if (random.Next(2) == 0)
                text.Append(TermWords[random.Next(TermWords.Length)]);
            else
                Quote(text, TermPhrases[random.Next(TermPhrases.Length)]);
        }

        return text.ToString();
    }

    public static string Regex(Random random) => "%" + Regexes[random.Next(Regexes.Length)] + "%";

    public static string Delimited(Random random)
    {
        var text = new StringBuilder("[");
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                text.Append(random.Next(2) == 0 ? ", " : ",");
            var name = "f" + i;
            text.Append(random.Next(6) switch
            {
                0 => "...",
                1 => name,
                2 => $"{name}={BareTexts[random.Next(BareTexts.Length)]}",
                3 => $"{name} > {NumberLiterals[random.Next(NumberLiterals.Length)]}",
                4 => $"{name}=%{Regexes[random.Next(Regexes.Length)]}% || {name}=\"{QuotedTexts[random.Next(5)]}\"",
                _ => "",
            });
        }

        text.Append(']');
        return text.ToString();
    }

    public static string DelimitedEvent(Random random)
    {
        var words = new List<string>();
        var count = random.Next(0, 7);
        for (var i = 0; i < count; i++)
        {
            words.Add(random.Next(5) switch
            {
                0 => "[" + QuotedTexts[random.Next(QuotedTexts.Length)] + "]",
                1 => "\"" + TermPhrases[random.Next(TermPhrases.Length)] + "\"",
                2 => NumberLiterals[random.Next(NumberLiterals.Length)],
                _ => BareTexts[random.Next(BareTexts.Length)],
            });
        }

        return string.Join(random.Next(3) == 0 ? "\t" : " ", words);
    }

    public static string Text(Random random)
    {
        var pieces = new List<string>();
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            pieces.Add(random.Next(3) switch
            {
                0 => TermWords[random.Next(TermWords.Length)],
                1 => TermPhrases[random.Next(TermPhrases.Length)],
                _ => JsonEvents.Strings[random.Next(JsonEvents.Strings.Length)],
            });
        }

        return string.Join(random.Next(2) == 0 ? " " : "", pieces);
    }

    private static string Blank(Random random, bool optional) =>
        optional ? Blanks[random.Next(Blanks.Length)] : Blanks[random.Next(1, Blanks.Length)];

    private static void Or(Random random, StringBuilder text, Quotas budget, int depth)
    {
        var count = depth < 3 && random.Next(3) == 0 ? random.Next(2, 4) : 1;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                text.Append(Blank(random, optional: true)).Append("||").Append(Blank(random, optional: true));
            And(random, text, budget, depth);
        }
    }

    private static void And(Random random, StringBuilder text, Quotas budget, int depth)
    {
        var count = depth < 3 && random.Next(3) == 0 ? random.Next(2, 4) : 1;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                text.Append(Blank(random, optional: true)).Append("&&").Append(Blank(random, optional: true));
            if (depth < 4 && random.Next(4) == 0)
            {
                text.Append('(').Append(Blank(random, optional: true));
                Or(random, text, budget, depth + 1);
                text.Append(Blank(random, optional: true)).Append(')');
            }
            else
            {
                Condition(random, text, budget);
            }
        }
    }

    private static void Condition(Random random, StringBuilder text, Quotas budget)
    {
        Selector(random, text, budget);
        var space = Blank(random, optional: true);
        switch (random.Next(12))
        {
            case 0:
                text.Append(' ').Append(random.Next(3) switch { 0 => "IS NULL", 1 => "IS TRUE", _ => "IS FALSE" });
                break;
            case 1:
                text.Append(' ').Append("NOT EXISTS");
                break;
            case 2:
            case 3:
                text.Append(space).Append(random.Next(4) switch { 0 => "<", 1 => "<=", 2 => ">", _ => ">=" }).Append(space)
                    .Append(NumberLiterals[random.Next(NumberLiterals.Length)]);
                break;
            default:
                text.Append(space).Append(random.Next(3) == 0 ? "!=" : "=").Append(space);
                Value(random, text, budget);
                break;
        }
    }

    private static void Value(Random random, StringBuilder text, Quotas budget)
    {
        switch (random.Next(12))
        {
            case 0:
            case 1:
            case 3:
                text.Append(NumberLiterals[random.Next(NumberLiterals.Length)]);
                break;
            case 4:
            case 5:
            case 6:
                text.Append(BareTexts[random.Next(BareTexts.Length)]);
                break;
            case 2 when budget.Regexes < 2:
                budget.Regexes++;
                text.Append('%').Append(Regexes[random.Next(Regexes.Length)]).Append('%');
                break;
            default:
                Quote(text, random.Next(2) == 0 ? QuotedTexts[random.Next(QuotedTexts.Length)] : JsonEvents.Strings[random.Next(JsonEvents.Strings.Length)]);
                break;
        }
    }

    private static void Selector(Random random, StringBuilder text, Quotas budget)
    {
        text.Append('$');
        var steps = random.Next(1, 4);
        var wildcard = budget.WildcardSelectors < 3 && random.Next(4) == 0 ? random.Next(steps) : -1;
        if (wildcard >= 0)
            budget.WildcardSelectors++;
        for (var i = 0; i < steps; i++)
        {
            if (i == wildcard)
            {
                text.Append(i > 0 && random.Next(2) == 0 ? "[*]" : ".*");
                continue;
            }

            var key = JsonEvents.Keys[random.Next(JsonEvents.Keys.Length)];
            if (i > 0 && random.Next(5) == 0)
                text.Append('[').Append(random.Next(3)).Append(']');
            else if (key.Contains('.', StringComparison.Ordinal) || random.Next(10) == 0)
                text.Append(".['").Append(key).Append("']");
            else
                text.Append('.').Append(key);
        }
    }

    private static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                text.Append('\\');
            text.Append(c);
        }

        text.Append('"');
    }

    private sealed class Quotas
    {
        public int Regexes { get; set; }

        public int WildcardSelectors { get; set; }
    }
}
