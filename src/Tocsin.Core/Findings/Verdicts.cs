namespace Tocsin.Core.Findings;

/// <summary>
/// The semantic verdict on a metric filter's pattern, as a finding reports it (<c>never-fires</c>). The
/// pattern engine's own result is mapped onto this so the report contract does not move with it.
/// </summary>
public enum FilterVerdict
{
    Equivalent,
    Broader,
    Tuned,
    Insufficient,
    NeverFires,
    Unparseable,
}

/// <summary>The seed's literal regex check on the pattern text, kept to compare with the semantic verdict.</summary>
public enum LiteralVerdict
{
    /// <summary>The pattern text matches the literal regex: the literal check passes.</summary>
    Match,

    /// <summary>The pattern text does not match the literal regex.</summary>
    NoMatch,
}

/// <summary>Kebab-case spellings of the verdicts and outcomes for reports.</summary>
public static class VerdictNames
{
    public static string ToCode(this FilterVerdict verdict) => verdict switch
    {
        FilterVerdict.Equivalent => "equivalent",
        FilterVerdict.Broader => "broader",
        FilterVerdict.Tuned => "tuned",
        FilterVerdict.Insufficient => "insufficient",
        FilterVerdict.NeverFires => "never-fires",
        FilterVerdict.Unparseable => "unparseable",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    public static string ToCode(this LiteralVerdict verdict) => verdict == LiteralVerdict.Match ? "match" : "no-match";

    public static string ToCode(this Outcome outcome) => outcome switch
    {
        Outcome.Pass => "pass",
        Outcome.Fail => "fail",
        Outcome.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
