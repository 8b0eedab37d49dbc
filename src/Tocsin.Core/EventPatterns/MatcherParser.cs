namespace Tocsin.Core.EventPatterns;

/// <summary>Parses one matcher object of a leaf, such as <c>{"prefix": "us-"}</c> or <c>{"numeric": [">", 0]}</c>.</summary>
internal static class MatcherParser
{
    private static readonly string[] Names = ["anything-but", "cidr", "equals-ignore-case", "exists", "numeric", "prefix", "suffix", "wildcard"];

    public static bool IsMatcherName(string name) => Names.Contains(name, StringComparer.Ordinal);

    public static ValueMatcher Parse(ObjectAt matcher)
    {
        var (name, nameOffset, value) = Single(matcher, "a matcher object");
        return name switch
        {
            "prefix" => new PrefixMatcher(TextOrIgnoreCase(name, value, out var prefixIgnoresCase), prefixIgnoresCase),
            "suffix" => new SuffixMatcher(TextOrIgnoreCase(name, value, out var suffixIgnoresCase), suffixIgnoresCase),
            "equals-ignore-case" => new EqualsIgnoreCaseMatcher(Text(name, value)),
            "wildcard" => new WildcardMatcher(Wildcard(value)),
            "anything-but" => AnythingBut(value),
            "numeric" => Numeric(value),
            "cidr" => Cidr(value),
            "exists" => value is LiteralAt { Literal: "true" or "false" } literal
                ? new ExistsMatcher(literal.Literal == "true")
                : throw new EventPatternSyntaxException(value.Offset, "`exists` takes true or false"),
            _ => throw new EventPatternSyntaxException(nameOffset, $"unknown matcher `{name}`; EventBridge knows {string.Join(", ", Names)}"),
        };
    }

    private static (string Name, int Offset, JsonAt Value) Single(ObjectAt matcher, string what)
    {
        if (matcher.Members.Count != 1)
        {
            var at = matcher.Members.Count > 1 ? matcher.Members[1].KeyOffset : matcher.Offset;
            throw new EventPatternSyntaxException(at, $"{what} has exactly one key, found {matcher.Members.Count}");
        }

        return matcher.Members[0];
    }

    private static string Text(string name, JsonAt value) =>
        value is StringAt text ? text.Text : throw new EventPatternSyntaxException(value.Offset, $"`{name}` takes a string");

    private static string TextOrIgnoreCase(string name, JsonAt value, out bool ignoreCase)
    {
        ignoreCase = false;
        if (value is ObjectAt inner)
        {
            var (innerName, innerOffset, innerValue) = Single(inner, $"the object inside `{name}`");
            if (innerName != "equals-ignore-case")
            {
                throw new EventPatternSyntaxException(innerOffset, $"`{name}` takes a string or {{\"equals-ignore-case\": \"...\"}}, not `{innerName}`");
            }

            ignoreCase = true;
            return Text(innerName, innerValue);
        }

        return value is StringAt text ? text.Text : throw new EventPatternSyntaxException(value.Offset, $"`{name}` takes a string or {{\"equals-ignore-case\": \"...\"}}");
    }

    private static WildcardText Wildcard(JsonAt value)
    {
        var text = Text("wildcard", value);
        var (wildcard, index, error) = WildcardText.Parse(text);
        return wildcard ?? throw new EventPatternSyntaxException(value.Offset + 1 + index, error!);
    }

    private static AnythingButMatcher AnythingBut(JsonAt value)
    {
        switch (value)
        {
            case StringAt text:
                return new AnythingButMatcher { Strings = [text.Text] };
            case NumberAt number:
                return new AnythingButMatcher { Numbers = [InRange(number)] };
            case ArrayAt list when list.Items.Count > 0 && list.Items.All(item => item is StringAt):
                return new AnythingButMatcher { Strings = [.. list.Items.Cast<StringAt>().Select(item => item.Text)] };
            case ArrayAt list when list.Items.Count > 0 && list.Items.All(item => item is NumberAt):
                return new AnythingButMatcher { Numbers = [.. list.Items.Cast<NumberAt>().Select(InRange)] };
            case ArrayAt list:
                throw new EventPatternSyntaxException(list.Offset, "the list of `anything-but` must hold only strings or only numbers, and at least one");
            case ObjectAt inner:
                var (name, nameOffset, innerValue) = Single(inner, "the object inside `anything-but`");
                return name switch
                {
                    "prefix" => new AnythingButMatcher { Prefix = NonEmpty(name, innerValue) },
                    "suffix" => new AnythingButMatcher { Suffix = NonEmpty(name, innerValue) },
                    "equals-ignore-case" => new AnythingButMatcher { IgnoreCaseStrings = Strings(name, innerValue) },
                    "wildcard" => new AnythingButMatcher { Wildcards = [.. WildcardItems(innerValue)] },
                    _ => throw new EventPatternSyntaxException(nameOffset, $"`anything-but` takes prefix, suffix, equals-ignore-case or wildcard inside, not `{name}`"),
                };
            default:
                throw new EventPatternSyntaxException(value.Offset, "`anything-but` takes a string, a number, a list of strings or of numbers, or an object");
        }
    }

    private static string NonEmpty(string name, JsonAt value)
    {
        var text = Text(name, value);
        return text.Length > 0 ? text : throw new EventPatternSyntaxException(value.Offset, $"the `{name}` inside `anything-but` must not be empty");
    }

    private static List<string> Strings(string name, JsonAt value) => value switch
    {
        StringAt text => [text.Text],
        ArrayAt list when list.Items.Count > 0 && list.Items.All(item => item is StringAt) => [.. list.Items.Cast<StringAt>().Select(item => item.Text)],
        _ => throw new EventPatternSyntaxException(value.Offset, $"`{name}` inside `anything-but` takes a string or a non-empty list of strings"),
    };

    private static IEnumerable<WildcardText> WildcardItems(JsonAt value)
    {
        var items = value is ArrayAt list ? list.Items : [value];
        if (items.Count == 0)
        {
            throw new EventPatternSyntaxException(value.Offset, "`wildcard` inside `anything-but` takes a string or a non-empty list of strings");
        }

        return items.Select(Wildcard);
    }

    private static NumericMatcher Numeric(JsonAt value)
    {
        if (value is not ArrayAt terms || terms.Items.Count == 0)
        {
            throw new EventPatternSyntaxException(value.Offset, "`numeric` takes an array such as [\">\", 0, \"<=\", 5]");
        }

        var items = terms.Items;
        var (first, firstValue) = Term(items, 0);
        if (first == "=")
        {
            NoMore(items, 2);
            return new NumericMatcher(new(firstValue, true), new(firstValue, true));
        }

        if (first is "<" or "<=")
        {
            NoMore(items, 2);
            return new NumericMatcher(null, new(firstValue, first == "<="));
        }

        var lower = new NumericBound(firstValue, first == ">=");
        if (items.Count == 2)
        {
            return new NumericMatcher(lower, null);
        }

        var (second, secondValue) = Term(items, 2);
        if (second is not ("<" or "<="))
        {
            throw new EventPatternSyntaxException(items[2].Offset, $"after `{first}` a numeric range may only continue with `<` or `<=`, found `{second}`");
        }

        NoMore(items, 4);
        if (secondValue <= firstValue)
        {
            throw new EventPatternSyntaxException(items[3].Offset, $"the numeric range is empty: {secondValue} is not above {firstValue}");
        }

        return new NumericMatcher(lower, new(secondValue, second == "<="));
    }

    private static (string Operator, double Value) Term(IReadOnlyList<JsonAt> items, int at)
    {
        if (items[at] is not StringAt { Text: "=" or "<" or "<=" or ">" or ">=" } op)
        {
            throw new EventPatternSyntaxException(items[at].Offset, "expected a numeric operator: one of \"=\", \"<\", \"<=\", \">\", \">=\"");
        }

        if (at + 1 >= items.Count || items[at + 1] is not NumberAt number)
        {
            throw new EventPatternSyntaxException(at + 1 < items.Count ? items[at + 1].Offset : items[at].Offset, $"the operator \"{op.Text}\" must be followed by a number");
        }

        return (op.Text, InRange(number));
    }

    private static void NoMore(IReadOnlyList<JsonAt> items, int count)
    {
        if (items.Count > count)
        {
            throw new EventPatternSyntaxException(items[count].Offset, "too many elements in the numeric expression");
        }
    }

    private static double InRange(NumberAt number) =>
        Math.Abs(number.Value) <= EventPatternLimits.MaxNumber
            ? number.Value
            : throw new EventPatternSyntaxException(number.Offset, $"{number.Text} is outside the numbers EventBridge compares (-5.0e9 to 5.0e9)");

    private static CidrMatcher Cidr(JsonAt value)
    {
        var text = Text("cidr", value);
        var block = CidrBlock.ParseBlock(text)
            ?? throw new EventPatternSyntaxException(value.Offset, $"\"{text}\" is not an IPv4 or IPv6 CIDR block such as \"10.0.0.0/24\"");
        return new CidrMatcher(text, block.Network, block.PrefixLength);
    }
}
