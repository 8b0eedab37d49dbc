namespace Tocsin.Core.EventPatterns;

/// <summary>The bounds on a pattern (docs/eventbridge-patterns.md "Limits").</summary>
public static class EventPatternLimits
{
    /// <summary>EventBridge's default quota is 2048 characters, raised to at most 4096 on request.</summary>
    public const int MaxLength = 4096;

    /// <summary>
    /// Objects and arrays nested deeper than this are refused. AWS states no limit; a bound keeps the recursive
    /// parser and matcher's stack small whatever the input.
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>event-ruler's numeric range: numbers outside it cannot be compared and are refused.</summary>
    public const double MaxNumber = 5.0e9;
}
