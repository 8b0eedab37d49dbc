using System.Globalization;
using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Tests.Patterns.Matching;

/// <summary>
/// Random JSON events and JSON patterns over a small vocabulary, so that selectors often hit, values often
/// collide, and escapes, wildcards, nulls, booleans, arrays and malformed text all occur.
/// </summary>
internal static class RandomJsonCases
{
    private static readonly string[] Keys = ["a", "b", "c", "MFAUsed"];
    private static readonly string[] Strings = ["", "Yes", "No", "yes", "12", "123", "1*3", "a b", "é", "x\"y", "a/b", "ConsoleLogin", "111.111"];
    private static readonly string[] Numbers = ["0", "1", "1.0", "12", "123", "-3", "1e3", "1000", "12.34"];
    private static readonly string[] Wildcards = ["*", "Y*", "*es", "1*", "*3", "1*3", "Y*s", "N*", "*.111", "*1*", "Console*"];
    private static readonly string[] Regexes = ["Y", "^N", "o$", "1.3", "e", "^$", "[0-9]"];

    public static (string Event, JsonPattern Pattern) Next(Random random)
    {
        var message = new StringBuilder();
        WriteValue(message, random, depth: 0, forceContainer: true);
        var text = message.ToString();
        if (random.Next(20) == 0)
            text = text[..random.Next(text.Length)]; // malformed: cut short
        var expression = Expression(random, depth: 0);
        return (text, new JsonPattern("{ generated }", expression));
    }

    private static void WriteValue(StringBuilder output, Random random, int depth, bool forceContainer = false)
    {
        var choice = forceContainer ? random.Next(10) : random.Next(depth >= 3 ? 6 : 10);
        if (forceContainer && choice >= 1)
            choice = 8;
        switch (choice)
        {
            case 0 or 1:
                WriteString(output, random, Strings[random.Next(Strings.Length)]);
                break;
            case 2 or 3:
                output.Append(Numbers[random.Next(Numbers.Length)]);
                break;
            case 4:
                output.Append(random.Next(2) == 0 ? "true" : "false");
                break;
            case 5:
                output.Append("null");
                break;
            case 6 or 7:
                output.Append('[');
                var count = random.Next(4);
                for (var i = 0; i < count; i++)
                {
                    if (i > 0)
                        output.Append(',');
                    WriteValue(output, random, depth + 1);
                }

                output.Append(']');
                break;
            default:
                output.Append('{');
                var keys = Keys.Where(_ => random.Next(4) > 0).OrderBy(_ => random.Next()).ToList();
                for (var i = 0; i < keys.Count; i++)
                {
                    if (i > 0)
                        output.Append(',');
                    WriteString(output, random, keys[i]);
                    output.Append(random.Next(4) == 0 ? " : " : ":");
                    WriteValue(output, random, depth + 1);
                }

                output.Append('}');
                break;
        }
    }

    /// <summary>Writes a JSON string, escaping required characters and, at random, others too.</summary>
    private static void WriteString(StringBuilder output, Random random, string text)
    {
        output.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
                output.Append('\\').Append(c);
            else if (c == '/' && random.Next(2) == 0)
                output.Append("\\/");
            else if (random.Next(8) == 0)
                output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                output.Append(c);
        }

        output.Append('"');
    }

    private static JsonExpression Expression(Random random, int depth)
    {
        var choice = depth >= 2 ? 0 : random.Next(3);
        if (choice == 0)
            return Condition(random);
        var operands = Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Expression(random, depth + 1)).ToList();
        return choice == 1 ? new JsonAnd(operands) : new JsonOr(operands);
    }

    private static JsonCondition Condition(Random random)
    {
        var steps = new List<SelectorStep>();
        var wildcardUsed = false;
        var length = random.Next(10) switch { < 5 => 1, < 9 => 2, _ => 3 };
        for (var i = 0; i < length; i++)
        {
            var kind = random.Next(10);
            if (i == 0 || kind < 6)
                steps.Add(new PropertyStep(Keys[random.Next(Keys.Length)]));
            else if (kind < 8 || wildcardUsed)
                steps.Add(new IndexStep(random.Next(3)));
            else
            {
                steps.Add(random.Next(2) == 0 ? new AnyElementStep() : new AnyPropertyStep());
                wildcardUsed = true;
            }
        }

        var selector = new JsonSelector("$" + string.Concat(steps.Select(StepText)), steps);
        var op = (ComparisonOperator)random.Next(Enum.GetValues<ComparisonOperator>().Length);
        PatternValue? value = op switch
        {
            ComparisonOperator.Equal or ComparisonOperator.NotEqual => random.Next(4) switch
            {
                0 => new StringValue(Strings[random.Next(Strings.Length)], Quoted: true),
                1 => new StringValue(Wildcards[random.Next(Wildcards.Length)], Quoted: false),
                2 => Number(random),
                _ => new RegexValue(new PatternRegex(Regexes[random.Next(Regexes.Length)])),
            },
            ComparisonOperator.Less or ComparisonOperator.LessOrEqual or ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual => Number(random),
            _ => null,
        };
        return new JsonCondition(selector, op, value);
    }

    private static NumberValue Number(Random random)
    {
        var text = Numbers[random.Next(Numbers.Length)];
        return new NumberValue(text, double.Parse(text, CultureInfo.InvariantCulture));
    }

    private static string StepText(SelectorStep step) => step switch
    {
        PropertyStep p => "." + p.Name,
        IndexStep i => "[" + i.Index.ToString(CultureInfo.InvariantCulture) + "]",
        AnyElementStep => "[*]",
        _ => ".*",
    };
}
