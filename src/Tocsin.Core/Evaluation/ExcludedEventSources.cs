using Tocsin.Core.Controls;
using Tocsin.Core.Inventory;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// CloudTrail lets a trail leave out the management events of some services (AWS KMS and RDS Data API, a common
/// cost saving). A control whose required events all come from services the trail leaves out sees none of them,
/// however good its filter: a trail without KMS events never records DisableKey.
/// </summary>
internal static class ExcludedEventSources
{
    /// <summary>
    /// The event sources of the control's required populations (from its corpus) when the trail records none of
    /// them; empty when it records at least one, or when the selectors could not be read.
    /// </summary>
    public static IReadOnlyList<string> AllLeftOut(Trail trail, Control control)
    {
        var required = control.RequiredPopulations.Select(population => population.Name).ToHashSet(StringComparer.Ordinal);
        var sources = control.Corpus
            .Where(labelled => required.Contains(labelled.Population))
            .Select(labelled => labelled.Event.TryGetProperty("eventSource", out var source) ? source.GetString() : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return sources.Count > 0 && sources.All(source => LeavesOut(trail, source) == true) ? sources : [];
    }

    /// <summary>Whether the trail's selectors leave out this source's management events; null when unknown.</summary>
    private static bool? LeavesOut(Trail trail, string source)
    {
        if (trail.AdvancedEventSelectors.TryGetValue(out var advanced) && advanced.Count > 0)
        {
            return !advanced.Any(selector => IsManagement(selector) && AdmitsSource(selector, source));
        }

        return trail.EventSelectors.TryGetValue(out var basic)
            ? !basic.Any(selector => selector.IncludeManagementEvents && !selector.ExcludeManagementEventSources.Contains(source))
            : null;
    }

    private static bool IsManagement(AdvancedEventSelector selector) =>
        selector.FieldSelectors.Any(field => field.Field == "eventCategory" && field.EqualTo.Contains("Management"));

    private static bool AdmitsSource(AdvancedEventSelector selector, string source) =>
        selector.FieldSelectors.Where(field => field.Field == "eventSource")
            .All(field => !field.NotEqualTo.Contains(source) && (field.EqualTo.Count == 0 || field.EqualTo.Contains(source)));
}
