using System.Net;

namespace Tocsin.Core.EventPatterns;

/// <summary>One element of a leaf's array: an exact value or a one-key matcher object.</summary>
public abstract record ValueMatcher;

/// <summary>A JSON string, matched character for character.</summary>
public sealed record ExactString(string Text) : ValueMatcher;

/// <summary>A JSON number: matches the same literal or the same number however written (<c>300</c> and <c>3.0e2</c>).</summary>
public sealed record ExactNumber(string Text, double Value) : ValueMatcher;

/// <summary><c>true</c>, <c>false</c> or <c>null</c>, matched only by the same literal.</summary>
public sealed record ExactLiteral(string Literal) : ValueMatcher;

/// <summary><c>{"prefix": "s"}</c>, or with <c>equals-ignore-case</c> inside when <see cref="IgnoreCase"/>.</summary>
public sealed record PrefixMatcher(string Text, bool IgnoreCase) : ValueMatcher;

/// <summary><c>{"suffix": "s"}</c>, or with <c>equals-ignore-case</c> inside when <see cref="IgnoreCase"/>.</summary>
public sealed record SuffixMatcher(string Text, bool IgnoreCase) : ValueMatcher;

public sealed record EqualsIgnoreCaseMatcher(string Text) : ValueMatcher;

/// <summary><c>{"wildcard": "a*b"}</c>; <see cref="Pattern"/> holds the literal segments between stars.</summary>
public sealed record WildcardMatcher(WildcardText Pattern) : ValueMatcher;

/// <summary>
/// <c>{"anything-but": ...}</c>: any present value the exclusion does not cover. Exactly one of the exclusion lists
/// is non-empty, or <see cref="Prefix"/> / <see cref="Suffix"/> is set.
/// </summary>
public sealed record AnythingButMatcher : ValueMatcher
{
    public IReadOnlyList<string> Strings { get; init; } = [];

    public IReadOnlyList<double> Numbers { get; init; } = [];

    public IReadOnlyList<string> IgnoreCaseStrings { get; init; } = [];

    public IReadOnlyList<WildcardText> Wildcards { get; init; } = [];

    public string? Prefix { get; init; }

    public string? Suffix { get; init; }
}

/// <summary>A bound of a numeric range.</summary>
public sealed record NumericBound(double Value, bool Inclusive);

/// <summary><c>{"numeric": [...]}</c>; a missing bound is open. <c>=</c> is both bounds inclusive on one value.</summary>
public sealed record NumericMatcher(NumericBound? Lower, NumericBound? Upper) : ValueMatcher;

/// <summary><c>{"cidr": "10.0.0.0/24"}</c> over IPv4 or IPv6 addresses.</summary>
public sealed record CidrMatcher(string Text, IPAddress Network, int PrefixLength) : ValueMatcher;

/// <summary><c>{"exists": true|false}</c>: the leaf is present or absent.</summary>
public sealed record ExistsMatcher(bool Exists) : ValueMatcher;
