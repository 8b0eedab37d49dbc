using Tocsin.Core.Inventory;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// Whether a trail's event selectors record management events of both read and write type. Advanced selectors,
/// when a trail has them, replace the basic ones (as in CloudTrail); several selectors add up.
/// </summary>
internal static class ManagementEventCoverage
{
    /// <summary>True, false, or null when the selectors could not be read.</summary>
    public static (bool? Covered, Unknown? Unknown, string Detail) Of(Trail trail)
    {
        if (trail.AdvancedEventSelectors.TryGetValue(out var advanced) && advanced.Count > 0)
        {
            return Covers(advanced.SelectMany(ReadWriteOf).ToHashSet(), "its advanced event selectors");
        }

        if (trail.EventSelectors.TryGetValue(out var basic))
        {
            var kinds = basic.Where(s => s.IncludeManagementEvents).SelectMany(s => s.ReadWriteType switch
            {
                ReadWriteType.All => new[] { true, false },
                ReadWriteType.ReadOnly => [true],
                _ => [false],
            }).ToHashSet();
            return Covers(kinds, "its event selectors");
        }

        var unknown = trail.EventSelectors.Unknown ?? trail.AdvancedEventSelectors.Unknown;
        return (null, unknown, "the trail's event selectors");
    }

    private static (bool? Covered, Unknown? Unknown, string Detail) Covers(HashSet<bool> readOnlyValues, string where) =>
        (readOnlyValues.Contains(true) && readOnlyValues.Contains(false), null,
            readOnlyValues.Count == 0 ? $"{where} record no management events"
            : readOnlyValues.Contains(true) && !readOnlyValues.Contains(false) ? $"{where} record only read-only management events, not write events such as ConsoleLogin"
            : $"{where} record only write management events, not read events");

    /// <summary>The readOnly values of management events an advanced selector records (true = read, false = write).</summary>
    private static IEnumerable<bool> ReadWriteOf(AdvancedEventSelector selector)
    {
        var category = selector.FieldSelectors.FirstOrDefault(f => f.Field == "eventCategory");
        if (category is null || !category.EqualTo.Contains("Management"))
        {
            return [];
        }

        var readOnly = selector.FieldSelectors.FirstOrDefault(f => f.Field == "readOnly");
        if (readOnly is null)
        {
            return [true, false];
        }

        return new[] { true, false }.Where(value =>
        {
            var text = value ? "true" : "false";
            return (readOnly.EqualTo.Count == 0 || readOnly.EqualTo.Contains(text)) && !readOnly.NotEqualTo.Contains(text);
        });
    }
}
