namespace Tocsin.Core.Patterns.Syntax;

/// <summary>
/// Why a pattern was rejected: <see cref="Column"/> is 1-based, <see cref="Message"/> says what was expected
/// in the user's words, e.g. "expected `)` at column 47".
/// </summary>
public sealed record PatternError(int Column, string Message)
{
    public override string ToString() => Message;
}

/// <summary>Either a pattern or the reason it was rejected; parsing never throws on bad input.</summary>
public sealed record PatternParseResult(FilterPattern? Pattern, PatternError? Error)
{
    public bool Succeeded => Pattern is not null;

    public static PatternParseResult Success(FilterPattern pattern) => new(pattern, null);

    public static PatternParseResult Failure(PatternError error) => new(null, error);
}
