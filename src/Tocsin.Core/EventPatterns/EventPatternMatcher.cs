using System.Text.Json;

namespace Tocsin.Core.EventPatterns;

/// <summary>
/// Decides whether an event matches a pattern, as EventBridge does (docs/eventbridge-patterns.md). The walk goes only
/// as deep as the pattern, which the parser bounds, and events are read with System.Text.Json's depth bound, so no
/// input exhausts the stack. Holds no per-event state: match from any number of threads.
/// </summary>
public sealed class EventPatternMatcher
{
    private static readonly JsonDocumentOptions EventOptions = new() { MaxDepth = 64 };

    public EventPatternMatcher(EventPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
    }

    public EventPattern Pattern { get; }

    /// <summary>Parses and compiles; null with the error when the pattern is refused.</summary>
    public static (EventPatternMatcher? Matcher, EventPatternError? Error) Compile(string patternText)
    {
        var parsed = EventPatternParser.Parse(patternText);
        return parsed.Pattern is { } pattern ? (new EventPatternMatcher(pattern), null) : (null, parsed.Error);
    }

    /// <summary>True when the event (a JSON object) matches. Anything that is not a JSON object matches nothing.</summary>
    public bool Matches(JsonElement @event) => @event.ValueKind == JsonValueKind.Object && MatchesObject(Pattern.Root, @event);

    /// <summary>True when the UTF-8 JSON event matches; text that is not a JSON object matches nothing. Never throws.</summary>
    public bool Matches(ReadOnlySpan<byte> utf8Event)
    {
        var reader = new Utf8JsonReader(utf8Event, new JsonReaderOptions { MaxDepth = EventOptions.MaxDepth });
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return Matches(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>True when the JSON event matches; text that is not a JSON object matches nothing. Never throws.</summary>
    public bool Matches(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        try
        {
            using var document = JsonDocument.Parse(eventJson, EventOptions);
            return Matches(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary><paramref name="node"/> is the event's object at this level, or null when there is none (missing or not an object).</summary>
    private static bool MatchesObject(PatternObject pattern, JsonElement? node) => pattern.Members.All(member => member switch
    {
        LeafField leaf => MatchesLeaf(leaf.Matchers, Property(node, leaf.Name)),
        NestedField nested => MatchesNested(nested.Pattern, Property(node, nested.Name)),
        OrMember or => or.Alternatives.Any(alternative => MatchesObject(alternative, node)),
        _ => false,
    });

    /// <summary>An array of objects is matched element by element: all of a sub-pattern must hold inside one element.</summary>
    private static bool MatchesNested(PatternObject pattern, JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Object } obj => MatchesObject(pattern, obj),
        { ValueKind: JsonValueKind.Array } array when array.EnumerateArray().Any(item => item.ValueKind is JsonValueKind.Object or JsonValueKind.Array) =>
            array.EnumerateArray().Any(item => MatchesNested(pattern, item)),
        _ => MatchesObject(pattern, null),
    };

    private static bool MatchesLeaf(IReadOnlyList<ValueMatcher> matchers, JsonElement? value)
    {
        // Only scalars are leaves; arrays are flattened; an object or an empty array leaves the field without a leaf.
        var leaves = value is { } present ? Leaves(present).ToList() : [];
        if (leaves.Count == 0)
        {
            return matchers.Any(matcher => matcher is ExistsMatcher { Exists: false });
        }

        return matchers.Any(matcher => matcher is ExistsMatcher exists ? exists.Exists : leaves.Any(leaf => ValueTest.Holds(matcher, leaf)));
    }

    private static IEnumerable<JsonElement> Leaves(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => [],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Leaves),
        _ => [value],
    };

    /// <summary>The last property of that name (a duplicated key counts as its last value), or null.</summary>
    private static JsonElement? Property(JsonElement? node, string name)
    {
        if (node is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }

        JsonElement? found = null;
        foreach (var property in obj.EnumerateObject())
        {
            if (property.NameEquals(name))
            {
                found = property.Value;
            }
        }

        return found;
    }
}
