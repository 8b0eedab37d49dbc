using Tocsin.Core.EventPatterns;
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
/// accounts whose chain uses it (an organization trail's filter sees its members' events too). A subject is a
/// CloudWatch Logs filter pattern (<see cref="Matcher"/>) or an EventBridge event pattern (<see cref="EventRule"/>),
/// never both.
/// </summary>
/// <param name="Name">How reports name it: <c>cis</c>, <c>cis-strict</c>, <c>deployed</c>, <c>pattern 1</c>, <c>event pattern 1</c>.</param>
/// <param name="ControlId">The control it belongs to; null for a pattern the user gave.</param>
/// <param name="Matcher">The filter pattern's matcher; null for an event pattern.</param>
/// <param name="Accounts">The accounts whose events it sees; null for all.</param>
public sealed record BacktestSubject(string Name, SubjectKind Kind, string? ControlId, string Pattern, PatternMatcher? Matcher, AlarmRule Alarm, IReadOnlySet<string>? Accounts = null)
{
    /// <summary>The event pattern and the texts a record must hold to match it; null for a filter pattern.</summary>
    public EventRuleSubject? EventRule { get; init; }

    /// <summary>The pattern language as <c>tocsin pattern --language</c> names it: <c>filter</c> or <c>eventbridge</c>.</summary>
    public string Language => EventRule is null ? "filter" : "eventbridge";

    public string KindCode => Kind switch
    {
        SubjectKind.Reference => "reference",
        SubjectKind.Variant => "variant",
        SubjectKind.Deployed => "deployed",
        _ => "custom",
    };
}

/// <summary>An EventBridge rule's pattern, matched against each record wrapped as EventBridge delivers it.</summary>
/// <param name="Anchors">Texts one of which a record holds as written (or behind a <c>\u</c> escape) whenever its event can match; null when any record may.</param>
public sealed record EventRuleSubject(EventPatternMatcher Matcher, IReadOnlyList<string>? Anchors);
