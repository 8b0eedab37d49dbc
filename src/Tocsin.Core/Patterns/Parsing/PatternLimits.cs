namespace Tocsin.Core.Patterns.Parsing;

/// <summary>The quotas CloudWatch Logs enforces on a filter pattern (SPEC.md §7).</summary>
public static class PatternLimits
{
    /// <summary><c>filterPattern</c> is 0..1024 characters in every API.</summary>
    public const int MaxLength = 1024;

    /// <summary>At most two <c>%regex%</c> values in one JSON or space-delimited pattern.</summary>
    public const int MaxRegexes = 2;

    /// <summary>At most one <c>[*]</c> or <c>.*</c> in one property selector.</summary>
    public const int MaxWildcardsPerSelector = 1;

    /// <summary>At most three wildcard selectors in one compound JSON pattern.</summary>
    public const int MaxWildcardSelectors = 3;

    /// <summary>
    /// Parentheses nested deeper than this are refused. AWS states no limit; 1024 characters allow about
    /// 500 levels, far past anything a person writes, and a bound keeps the recursive parser's stack small.
    /// </summary>
    public const int MaxNesting = 64;
}
