namespace Tocsin.Core.Controls;

/// <summary>
/// A filter pattern exactly as a framework publishes it for this control.
/// </summary>
/// <param name="Name">Stable name within the control, e.g. <c>cis</c> or <c>cis-4.0</c>.</param>
/// <param name="Pattern">The pattern text, character for character as published.</param>
/// <param name="PublishedIn">The aliases (framework and item) that publish this text.</param>
/// <param name="Source">Where the text was read.</param>
/// <param name="Drops">
/// Populations that the control's corpus labels as alerting but this text does not catch. Empty for the first
/// (primary) reference, which defines the corpus labels.
/// </param>
/// <param name="Literal">Whether the common regex-based check (<see cref="LiteralRegex"/>) accepts this text.</param>
/// <param name="Note">What surprises people about this text, if anything.</param>
public sealed record ReferencePattern(
    string Name,
    string Pattern,
    IReadOnlyList<string> PublishedIn,
    string Source,
    IReadOnlyList<string> Drops,
    bool Literal,
    string? Note = null);
