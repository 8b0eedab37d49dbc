namespace Tocsin.Core.Controls;

/// <summary>
/// A stricter pattern that is accepted for this control although it alerts on fewer events than the primary
/// reference: it still catches every required population and says which populations it drops.
/// </summary>
/// <param name="Name">Stable name within the control, e.g. <c>cis-strict</c>.</param>
/// <param name="Pattern">The pattern text as published.</param>
/// <param name="PublishedIn">The aliases that publish this text (may be empty for a variant that is only accepted).</param>
/// <param name="Source">Where the text was read.</param>
/// <param name="Drops">Populations the primary reference alerts on and this variant does not.</param>
/// <param name="Explanation">One sentence for people: what the variant no longer alerts on and why that is accepted.</param>
/// <param name="Literal">Whether the common regex-based check (<see cref="LiteralRegex"/>) accepts this text.</param>
public sealed record AcceptedVariant(
    string Name,
    string Pattern,
    IReadOnlyList<string> PublishedIn,
    string Source,
    IReadOnlyList<string> Drops,
    string Explanation,
    bool Literal);
