namespace Tocsin.Core.EventPatterns;

/// <summary>
/// Parses EventBridge event patterns (docs/eventbridge-patterns.md): a JSON object whose leaves are arrays of values
/// and matchers. Refuses, with the line and column, what EventBridge refuses: a leaf that is not an array, empty
/// arrays and objects, unknown matchers, misordered numeric ranges, anything-but forms it does not take, and
/// patterns past the limits. Never throws on bad input.
/// </summary>
public static class EventPatternParser
{
    private const string OrKey = "$or";

    public static EventPatternParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > EventPatternLimits.MaxLength)
        {
            return new(null, ErrorAt(text, EventPatternLimits.MaxLength,
                $"the pattern is {text.Length} characters long; EventBridge accepts at most {EventPatternLimits.MaxLength}"));
        }

        try
        {
            var json = PositionedJson.Read(text);
            if (json is not ObjectAt root)
            {
                throw new EventPatternSyntaxException(json.Offset, "an event pattern is a JSON object, such as {\"source\": [\"aws.signin\"]}");
            }

            return new(new EventPattern(text, Object(root, insideOr: false)), null);
        }
        catch (EventPatternSyntaxException refused)
        {
            return new(null, ErrorAt(text, refused.Offset, refused.Message));
        }
    }

    private static PatternObject Object(ObjectAt node, bool insideOr)
    {
        if (node.Members.Count == 0)
        {
            throw new EventPatternSyntaxException(node.Offset, "empty objects are not allowed in an event pattern");
        }

        // A key given twice counts once, as its last occurrence (EventBridge's own rule).
        var members = new List<PatternMember>();
        foreach (var (key, keyOffset, value) in node.Members.Where((member, i) => node.Members.Skip(i + 1).All(later => later.Key != member.Key)))
        {
            if (key == OrKey)
            {
                members.Add(Or(value));
                continue;
            }

            if (insideOr && MatcherParser.IsMatcherName(key))
            {
                throw new EventPatternSyntaxException(keyOffset, $"`{key}` is a matcher name and cannot be a field name inside `$or`");
            }

            members.Add(value switch
            {
                ObjectAt nested => new NestedField(key, Object(nested, insideOr)),
                ArrayAt values => new LeafField(key, Leaf(key, values)),
                _ => throw new EventPatternSyntaxException(value.Offset,
                    $"the value of \"{key}\" must be an object or an array; put a single value in brackets, as [{Shown(value)}]"),
            });
        }

        return new PatternObject(members);
    }

    private static OrMember Or(JsonAt value)
    {
        if (value is not ArrayAt array)
        {
            throw new EventPatternSyntaxException(value.Offset, "`$or` must be followed by an array of two or more objects");
        }

        if (array.Items.FirstOrDefault(item => item is not ObjectAt) is { } notObject)
        {
            throw new EventPatternSyntaxException(notObject.Offset, "only objects are allowed in the array of `$or`");
        }

        if (array.Items.Count < 2)
        {
            throw new EventPatternSyntaxException(array.Offset, $"`$or` needs at least two objects, found {array.Items.Count}");
        }

        return new OrMember([.. array.Items.Cast<ObjectAt>().Select(item => Object(item, insideOr: true))]);
    }

    private static List<ValueMatcher> Leaf(string key, ArrayAt values)
    {
        if (values.Items.Count == 0)
        {
            throw new EventPatternSyntaxException(values.Offset, $"empty arrays are not allowed: \"{key}\" needs at least one value to match");
        }

        return [.. values.Items.Select(item => item switch
        {
            StringAt text => new ExactString(text.Text),
            NumberAt number => new ExactNumber(number.Text, number.Value),
            LiteralAt literal => new ExactLiteral(literal.Literal),
            ObjectAt matcher => MatcherParser.Parse(matcher),
            _ => throw new EventPatternSyntaxException(item.Offset, "a value to match must be a string, a number, true, false, null or a matcher object, not an array"),
        })];
    }

    private static string Shown(JsonAt value) => value switch
    {
        StringAt text => $"\"{text.Text}\"",
        NumberAt number => number.Text,
        LiteralAt literal => literal.Literal,
        _ => "...",
    };

    private static EventPatternError ErrorAt(string text, int offset, string message)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = offset - lineStart + 1;
        return new EventPatternError(line, column, $"{message} (line {line}, column {column})");
    }
}
