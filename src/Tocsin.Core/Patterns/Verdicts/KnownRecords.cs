using System.Text.Json;
using Tocsin.Core.Controls;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// What the catalog's corpus of real CloudTrail records teaches about records CloudTrail writes: which service
/// writes each API call the controls know of (CreateTrail comes from cloudtrail.amazonaws.com), and the exact
/// spelling of the keys inside service-specific objects (<c>additionalEventData.MFAUsed</c>, never <c>MfaUsed</c>).
/// </summary>
internal static class KnownRecords
{
    private static readonly Lazy<(Dictionary<string, HashSet<string>> Sources, Dictionary<string, HashSet<string>> Keys, Dictionary<string, HashSet<string>> Types)> Learnt = new(Learn);

    /// <summary>False only when the event name is known and the source is not one that writes it.</summary>
    public static bool IsPlausible(string eventName, string eventSource) =>
        !Learnt.Value.Sources.TryGetValue(eventName, out var sources) || sources.Contains(eventSource);

    /// <summary>False only when the event name is known and the event type is not one it is written with (ConsoleLogin is AwsConsoleSignIn).</summary>
    public static bool IsPlausibleType(string eventName, string eventType) =>
        !Learnt.Value.Types.TryGetValue(eventName, out var types) || types.Contains(eventType);

    /// <summary>The sources (for <c>$.eventSource</c>) or event types (for <c>$.eventType</c>) CloudTrail writes a known event name with; empty otherwise.</summary>
    public static IReadOnlyCollection<string> WrittenWith(string selector, string eventName) => selector switch
    {
        "$.eventSource" when Learnt.Value.Sources.TryGetValue(eventName, out var sources) => sources,
        "$.eventType" when Learnt.Value.Types.TryGetValue(eventName, out var types) => types,
        _ => [],
    };

    /// <summary>
    /// The key CloudTrail writes under <paramref name="parentPath"/> that <paramref name="name"/> misspells only in
    /// case, or null. CloudTrail never writes two keys that differ only in case, so such a name is a typo.
    /// </summary>
    public static string? CaseTypoOf(string parentPath, string name) =>
        Learnt.Value.Keys.TryGetValue(parentPath, out var keys) && !keys.Contains(name)
            ? keys.FirstOrDefault(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            : null;

    private static (Dictionary<string, HashSet<string>>, Dictionary<string, HashSet<string>>, Dictionary<string, HashSet<string>>) Learn()
    {
        var sources = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var keys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var record in ControlCatalog.Default.All.SelectMany(control => control.Corpus).Select(e => e.Event))
        {
            if (record.TryGetProperty("eventName", out var name) && name.ValueKind == JsonValueKind.String
                && record.TryGetProperty("eventSource", out var source) && source.ValueKind == JsonValueKind.String)
            {
                Add(sources, name.GetString()!, source.GetString()!);
            }

            if (record.TryGetProperty("eventName", out var typed) && typed.ValueKind == JsonValueKind.String
                && record.TryGetProperty("eventType", out var type) && type.ValueKind == JsonValueKind.String)
            {
                Add(types, typed.GetString()!, type.GetString()!);
            }

            AddKeys(keys, "$", record);
        }

        return (sources, keys, types);
    }

    private static void AddKeys(Dictionary<string, HashSet<string>> keys, string path, JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            Add(keys, path, property.Name);
            AddKeys(keys, path + "." + property.Name, property.Value);
        }
    }

    private static void Add(Dictionary<string, HashSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new(StringComparer.Ordinal);
        }

        set.Add(value);
    }
}
