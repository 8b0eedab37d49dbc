using Tocsin.Backtest.Input;
using Tocsin.Backtest.Subjects;

namespace Tocsin.Backtest.Results;

/// <summary>What replaying the history did: per control its baseline and the other patterns beside it, the patterns of no control, and what was read.</summary>
public sealed record BacktestResult(
    IReadOnlyList<ControlBacktest> Controls,
    IReadOnlyList<SubjectResult> Patterns,
    InputSummary Input,
    IReadOnlyList<string> Notes,
    int PeriodSeconds,
    DateTimeOffset? From,
    DateTimeOffset? To);

/// <summary>One control: its baseline (the first published reference) and every other pattern compared with it.</summary>
/// <param name="Populations">The control's populations in catalog order, then <c>unclassified</c>.</param>
public sealed record ControlBacktest(string ControlId, string Title, SubjectResult Baseline, IReadOnlyList<SubjectResult> Variants, IReadOnlyList<string> Populations);

/// <summary>
/// What one pattern would have done: the matching events, the count per alarm period, the periods its alarm would
/// have been in ALARM and how often it would have fired, who and where the events came from, and — beside the
/// baseline — what it would have missed and added, population by population.
/// </summary>
public sealed record SubjectResult(
    string Name,
    string Kind,
    string Pattern,
    AlarmRule Alarm,
    long MatchingEvents,
    IReadOnlyList<PeriodCount> Timeline,
    IReadOnlyList<long> AlarmPeriods,
    int Firings,
    IReadOnlyDictionary<string, long> Populations,
    IReadOnlyList<Share> Principals,
    IReadOnlyList<Share> SourceIps,
    IReadOnlyList<Share> Accounts,
    IReadOnlyList<Share> Regions,
    IReadOnlyDictionary<string, Occurrence> Missed,
    IReadOnlyDictionary<string, Occurrence> Extra,
    Occurrence? Last,
    IReadOnlyList<string>? ScopeAccounts)
{
    /// <summary>The pattern's language: <c>filter</c> (CloudWatch Logs) or <c>eventbridge</c> (an EventBridge rule's event pattern).</summary>
    public string Language { get; init; } = "filter";
}

/// <summary>Matching events in the period starting at <see cref="Start"/>.</summary>
public sealed record PeriodCount(DateTimeOffset Start, long Count);

/// <summary>A value (principal, source IP, account, region) and how many matching events had it.</summary>
public sealed record Share(string Value, long Count);

/// <summary>How many events, and the latest of them: when, from where and by whom.</summary>
public sealed record Occurrence(long Count, DateTimeOffset? LastTime, string LastSourceIp, string LastPrincipal);

/// <summary>What was read: files, bytes, records, the records and paths that could not be read, and how long it took.</summary>
/// <param name="Untimed">Matching records without a readable <c>eventTime</c>: counted, placed in no period.</param>
public sealed record InputSummary(
    int Files,
    long Bytes,
    long Events,
    long BadRecords,
    IReadOnlyList<BadRecord> BadRecordSamples,
    IReadOnlyList<InputProblem> Problems,
    IReadOnlyList<(string File, string Failure)> Failures,
    long Untimed,
    TimeSpan Duration);
