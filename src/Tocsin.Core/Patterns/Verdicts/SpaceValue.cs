using System.Text.Json;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>One value a field of a record in the event space can take, with how to write it and how to say it.</summary>
/// <remarks>
/// <see cref="Oddness"/> ranks how natural the value is in an example: 0 for a constant of a pattern or a value
/// CloudTrail typically writes, 1 for a generic value (missing, null, a fresh string), 2 for a near miss
/// (<c>"ConsoleLoginx"</c>). Examples of disagreement prefer the least odd record.
/// </remarks>
internal sealed record SpaceValue(SpaceValueKind Kind, string Raw, string Label, int Oddness = 1)
{
    public static readonly SpaceValue Missing = new(SpaceValueKind.Missing, "", "missing");
    public static readonly SpaceValue Null = new(SpaceValueKind.Raw, "null", "null");
    public static readonly SpaceValue True = new(SpaceValueKind.Raw, "true", "true");
    public static readonly SpaceValue False = new(SpaceValueKind.Raw, "false", "false");
    public static readonly SpaceValue EmptyObject = new(SpaceValueKind.Object, "{}", "an object");
    public static readonly SpaceValue EmptyArray = new(SpaceValueKind.Array, "[]", "an array");

    public static SpaceValue String(string text, int oddness = 1)
    {
        var raw = JsonText.Quote(text);
        return new(SpaceValueKind.Raw, raw, raw, oddness) { Text = text };
    }

    /// <summary>The string itself, for a string value; null for every other kind.</summary>
    public string? Text { get; private init; }

    /// <summary>A number written exactly as <paramref name="jsonText"/> (CloudWatch compares numbers by their text too).</summary>
    public static SpaceValue Number(string jsonText, int oddness = 1) => new(SpaceValueKind.Raw, jsonText, jsonText, oddness);
}

internal enum SpaceValueKind
{
    Missing,
    Raw,
    Object,
    Array,
}
