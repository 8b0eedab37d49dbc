namespace Tocsin.Core.Inventory;

/// <summary>An advanced event selector: a name and field selectors that are ANDed together.</summary>
public sealed record AdvancedEventSelector(string? Name, IReadOnlyList<AdvancedFieldSelector> FieldSelectors);

/// <summary>
/// One condition of an advanced event selector, e.g. <c>eventCategory Equals [Management]</c> or
/// <c>readOnly Equals [true]</c>. Empty lists mean the operator is not used.
/// </summary>
public sealed record AdvancedFieldSelector(
    string Field,
    IReadOnlyList<string> EqualTo,
    IReadOnlyList<string> StartsWith,
    IReadOnlyList<string> EndsWith,
    IReadOnlyList<string> NotEqualTo,
    IReadOnlyList<string> NotStartsWith,
    IReadOnlyList<string> NotEndsWith);
