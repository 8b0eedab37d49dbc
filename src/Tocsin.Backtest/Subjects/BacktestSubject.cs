using Tocsin.Core.Patterns.Matching;

namespace Tocsin.Backtest.Subjects;

/// <summary>What a subject is: a control's published reference, one of its accepted variants, a pattern deployed in the accounts of a snapshot, or one the user gave.</summary>
public enum SubjectKind
{
    Reference,
    Variant,
    Deployed,
    Custom,
}

/// <summary>
/// One pattern to replay history through, with the alarm it feeds. A deployed pattern only sees the events of the
/// accounts whose chain uses it (an organization trail's filter sees its members' events too).
/// </summary>
/// <param name="Name">How reports name it: <c>cis</c>, <c>cis-strict</c>, <c>deployed</c>, <c>pattern 1</c>.</param>
/// <param name="ControlId">The control it belongs to; null for a pattern the user gave.</param>
/// <param name="Accounts">The accounts whose events it sees; null for all.</param>
public sealed record BacktestSubject(string Name, SubjectKind Kind, string? ControlId, string Pattern, PatternMatcher Matcher, AlarmRule Alarm, IReadOnlySet<string>? Accounts = null)
{
    public string KindCode => Kind switch
    {
        SubjectKind.Reference => "reference",
        SubjectKind.Variant => "variant",
        SubjectKind.Deployed => "deployed",
        _ => "custom",
    };
}
