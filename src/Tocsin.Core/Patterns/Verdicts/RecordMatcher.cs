using Tocsin.Core.Patterns.Matching;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// Something that decides whether a CloudTrail record (its JSON text) would raise an alert: a filter pattern on the
/// record, or an event pattern on the event EventBridge delivers for it. The judge compares these, whatever the language.
/// </summary>
internal interface IRecordMatcher
{
    bool Matches(string record);
}

/// <summary>A filter pattern matches the record as CloudWatch Logs receives it.</summary>
internal sealed class FilterRecordMatcher(PatternMatcher matcher) : IRecordMatcher
{
    public bool Matches(string record) => matcher.Matches(record);
}

/// <summary>
/// A field of the record space that a pattern of another language tests: the texts and numbers worth trying in it,
/// and a test of that field alone, used to tell values apart (two values no test distinguishes are interchangeable).
/// </summary>
internal sealed record FieldProbe(Syntax.JsonSelector Selector, IReadOnlyList<string> Texts, IReadOnlyList<double> Numbers, Func<string, bool> Test);
