using System.Text.Json;
using Tocsin.Core.Controls;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// Which service writes each API call the controls know of (CreateTrail comes from cloudtrail.amazonaws.com),
/// learnt from the catalog's corpus of real records. A record pairing a known event name with another service is
/// one CloudTrail never writes, so a pattern that adds <c>$.eventSource = "cloudtrail.amazonaws.com"</c> to a
/// CloudTrail-changes pattern misses nothing real.
/// </summary>
internal static class EventSources
{
    private static readonly Lazy<Dictionary<string, HashSet<string>>> ByEventName = new(Learn);

    /// <summary>False only when the event name is known and the source is not one that writes it.</summary>
    public static bool IsPlausible(string eventName, string eventSource) =>
        !ByEventName.Value.TryGetValue(eventName, out var sources) || sources.Contains(eventSource);

    private static Dictionary<string, HashSet<string>> Learn()
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var record in ControlCatalog.Default.All.SelectMany(control => control.Corpus).Select(e => e.Event))
        {
            if (record.TryGetProperty("eventName", out var name) && name.ValueKind == JsonValueKind.String
                && record.TryGetProperty("eventSource", out var source) && source.ValueKind == JsonValueKind.String)
            {
                if (!map.TryGetValue(name.GetString()!, out var sources))
                {
                    map[name.GetString()!] = sources = new(StringComparer.Ordinal);
                }

                sources.Add(source.GetString()!);
            }
        }

        return map;
    }
}
