using Tocsin.Core.Inventory;

namespace Tocsin.Remediation.Rendering;

/// <summary>The operators an advanced field selector uses, by their API names, leaving out the empty ones (AWS wants at least one value in a list it is given).</summary>
internal static class AdvancedFieldOperators
{
    public static IEnumerable<(string Name, IReadOnlyList<string> Values)> Of(AdvancedFieldSelector f) =>
        new (string Name, IReadOnlyList<string> Values)[]
        {
            ("Equals", f.EqualTo),
            ("StartsWith", f.StartsWith),
            ("EndsWith", f.EndsWith),
            ("NotEquals", f.NotEqualTo),
            ("NotStartsWith", f.NotStartsWith),
            ("NotEndsWith", f.NotEndsWith),
        }.Where(o => o.Values.Count > 0);
}
