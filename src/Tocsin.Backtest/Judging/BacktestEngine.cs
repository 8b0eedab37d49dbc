using System.Diagnostics;
using Tocsin.Backtest.Input;
using Tocsin.Backtest.Results;
using Tocsin.Backtest.Subjects;
using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Matching;

namespace Tocsin.Backtest.Judging;

/// <summary>How a backtest runs: the time window (inclusive from, exclusive to), threads, and reading limits.</summary>
public sealed record BacktestOptions(DateTimeOffset? From = null, DateTimeOffset? To = null, int Threads = 1, ReadLimits? Limits = null)
{
    /// <summary>
    /// Hand every record to the patterns, instead of only those of a line that holds a text one of them needs
    /// (found by one search over each block of lines). The counts are the same either way.
    /// </summary>
    public bool VisitEveryRecord { get; init; }
}

/// <summary>How far reading has got, for a progress bar.</summary>
public sealed record BacktestProgress(int FilesDone, int Files, long BytesDone, long Bytes, long Events, TimeSpan Elapsed);

/// <summary>
/// Replays CloudTrail records through every subject at once: one <see cref="PatternMatcherSet"/> pass per record for
/// the filter patterns (nearly all records match nothing and cost only that pass), the event patterns on the records
/// that could match them (<see cref="EventRuleMatching"/>), then, for a record some pattern matched, its time,
/// principal and place are counted for each pattern of each control it concerns, with its population and what it means
/// beside the control's baseline. The set's one read of a record also captures those facts and tells the populations
/// of the controls whose patterns it read for (riders); only a record it did not read that way is read again.
/// Parts are read in parallel, one tally per thread, merged at the end.
/// </summary>
public sealed class BacktestEngine
{
    private readonly SubjectCatalog _catalog;
    private readonly BacktestOptions _options;
    private readonly PatternMatcherSet _set;
    private readonly int[] _filters;
    private readonly EventRuleMatching _eventRules;
    private readonly RecordPrefilter? _prefilter;
    private readonly ControlGroup[] _groups;
    private readonly int[] _standalone;
    private readonly bool _riding;

    public BacktestEngine(SubjectCatalog catalog, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _options = options ?? new BacktestOptions();
        _filters = [.. catalog.Subjects.Select((subject, index) => (subject, index)).Where(s => s.subject.Matcher is not null).Select(s => s.index)];
        _eventRules = new EventRuleMatching(catalog.Subjects);
        var riders = new List<(PatternMatcher Pattern, IReadOnlyList<int> With)>();
        _groups =
        [
            .. catalog.Controls.Select(control =>
            {
                var classifier = PopulationClassifier.For(control);
                int[] members = [.. catalog.Subjects.Select((subject, index) => (subject, index)).Where(s => s.subject.ControlId == control.Id).Select(s => s.index)];
                int[] filtersOfControl = [.. members.Select(index => Array.IndexOf(_filters, index)).Where(position => position >= 0)];
                var firstRider = riders.Count;
                riders.AddRange(classifier.Patterns.Select(pattern => (pattern, (IReadOnlyList<int>)filtersOfControl)));
                return new ControlGroup(control, classifier, members, firstRider);
            }),
        ];

        // The records the filter patterns read are read once for them, the facts and the populations of their controls
        // (riders). Riders need at most 64 patterns to ride with; past that, populations are classified on their own.
        _riding = _filters.Length <= 64;
        _set = new PatternMatcherSet(_filters.Select(index => catalog.Subjects[index].Matcher!), RecordFacts.Selectors, _riding ? riders : []);
        _prefilter = _options.VisitEveryRecord ? null : RecordPrefilter.For(_eventRules.Widen(_set));
        _standalone = [.. catalog.Subjects.Select((subject, index) => (subject, index)).Where(s => s.subject.ControlId is null).Select(s => s.index)];
    }

    public BacktestResult Run(InputPlan plan, IProgress<BacktestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var clock = Stopwatch.StartNew();
        var limits = _options.Limits ?? ReadLimits.Default;
        var results = new PartResult[plan.Parts.Count];
        var tallies = new List<ThreadTally>();
        long bytesDone = 0, events = 0;
        var filesDone = 0;
        Parallel.For(
            0,
            plan.Parts.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Threads), CancellationToken = cancellationToken },
            () => new ThreadTally(this),
            (index, _, tally) =>
            {
                var part = plan.Parts[index];
                var result = RecordReader.Read(part, tally.Record, limits, cancellationToken, _prefilter);
                results[index] = result;
                Interlocked.Add(ref bytesDone, result.Bytes);
                Interlocked.Add(ref events, result.Records);
                var done = Interlocked.Increment(ref filesDone);
                progress?.Report(new BacktestProgress(done, plan.Parts.Count, Interlocked.Read(ref bytesDone), plan.TotalBytes, Interlocked.Read(ref events), clock.Elapsed));
                return tally;
            },
            tally =>
            {
                lock (tallies)
                {
                    tallies.Add(tally);
                }
            });

        var total = new ThreadTally(this);
        foreach (var tally in tallies)
        {
            total.Merge(tally);
        }

        return Summarize(total, plan, results, clock.Elapsed);
    }

    private BacktestResult Summarize(ThreadTally total, InputPlan plan, PartResult[] parts, TimeSpan duration)
    {
        var subjects = _catalog.Subjects;
        SubjectResult Result(int index) => Describe(subjects[index], total.Subjects[index]);
        var controls = _groups.Select(group => new ControlBacktest(
            group.Control.Id,
            group.Control.Title,
            Result(group.Members[0]),
            [.. group.Members.Skip(1).Select(Result)],
            group.Classifier.Names)).ToList();
        var bad = parts.SelectMany(part => part.BadRecords).ToList();
        var input = new InputSummary(
            parts.Select(part => part.Part.Path).Distinct(StringComparer.Ordinal).Count(),
            parts.Sum(part => part.Bytes),
            parts.Sum(part => part.Records),
            bad.Count,
            [.. bad.Take(100)],
            plan.Problems,
            [.. parts.Where(part => part.Failure is not null).Select(part => (part.Part.Path, part.Failure!))],
            total.Untimed,
            duration);
        return new BacktestResult(controls, [.. _standalone.Select(Result)], input, _catalog.Notes, _catalog.Subjects.FirstOrDefault()?.Alarm.PeriodSeconds ?? 300, _options.From, _options.To);
    }

    private static SubjectResult Describe(BacktestSubject subject, SubjectTally tally)
    {
        var period = subject.Alarm.PeriodSeconds;
        var (alarmPeriods, firings) = subject.Alarm.Replay(tally.Periods);
        return new SubjectResult(
            subject.Name,
            subject.KindCode,
            subject.Pattern,
            subject.Alarm,
            tally.Matches,
            [.. tally.Periods.OrderBy(pair => pair.Key).Select(pair => new PeriodCount(DateTimeOffset.FromUnixTimeSeconds(pair.Key), pair.Value))],
            alarmPeriods,
            firings,
            tally.Populations.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
            Top(tally.Principals),
            Top(tally.SourceIps),
            Top(tally.Accounts),
            Top(tally.Regions),
            tally.Missed.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(pair => pair.Key, pair => pair.Value.ToOccurrence(), StringComparer.Ordinal),
            tally.Extra.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(pair => pair.Key, pair => pair.Value.ToOccurrence(), StringComparer.Ordinal),
            tally.All.Count == 0 ? null : tally.All.ToOccurrence(),
            subject.Accounts?.Order(StringComparer.Ordinal).ToList())
        {
            Language = subject.Language,
        };

        static IReadOnlyList<Share> Top(Dictionary<string, long> counts) =>
            [.. counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(10).Select(pair => new Share(pair.Key, pair.Value))];
    }

    /// <summary>
    /// A control's subjects by index into the catalog's list, the baseline first, its population classifier, and where
    /// its populations' patterns start among the pattern set's riders.
    /// </summary>
    private sealed record ControlGroup(Control Control, PopulationClassifier Classifier, int[] Members, int FirstRider);

    /// <summary>One thread's counts and its buffer of per-pattern outcomes.</summary>
    private sealed class ThreadTally
    {
        private readonly BacktestEngine _engine;
        private readonly bool[] _matches;
        private readonly bool[] _filterMatches;
        private readonly Utf8Strings _strings = new();
        private readonly PatternSetRead _read;

        public ThreadTally(BacktestEngine engine)
        {
            _engine = engine;
            _matches = new bool[engine._catalog.Subjects.Count];
            _filterMatches = new bool[engine._filters.Length];
            _read = engine._set.NewRead();
            Subjects = [.. engine._catalog.Subjects.Select(_ => new SubjectTally())];
        }

        public SubjectTally[] Subjects { get; }

        public long Untimed { get; private set; }

        // The loop every record of a backtest goes through: compiled optimised at once, not first as quick code.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void Record(ReadOnlySpan<byte> record)
        {
            if (Match(record) == 0)
            {
                return;
            }

            // the facts come from the patterns' read of the record, when there was one and it saw no escaped value
            var facts = RecordFacts.From(record, _read.Captured, _strings) ?? RecordFacts.Read(record, _strings);
            var options = _engine._options;
            if (facts.Time is { } time ? (time < options.From || time >= options.To) : options.From is not null || options.To is not null)
            {
                return;
            }

            if (facts.Time is null)
            {
                Untimed++;
            }

            var subjects = _engine._catalog.Subjects;
            foreach (var group in _engine._groups)
            {
                if (!AnyMatched(group.Members))
                {
                    continue;
                }

                var population = Population(group, record);
                var baseline = group.Members[0];
                foreach (var index in group.Members)
                {
                    var subject = subjects[index];
                    if (subject.Accounts is { } accounts && !accounts.Contains(facts.Account))
                    {
                        continue;
                    }

                    if (_matches[index])
                    {
                        Subjects[index].Add(facts, population, PeriodOf(facts, subject));
                        if (!_matches[baseline])
                        {
                            SubjectTally.Note(Subjects[index].Extra, population, facts);
                        }
                    }
                    else if (_matches[baseline])
                    {
                        SubjectTally.Note(Subjects[index].Missed, population, facts);
                    }
                }
            }

            foreach (var index in _engine._standalone)
            {
                if (_matches[index])
                {
                    Subjects[index].Add(facts, null, PeriodOf(facts, subjects[index]));
                }
            }
        }

        /// <summary>Sets <c>_matches</c> for every subject; returns how many matched.</summary>
        private int Match(ReadOnlySpan<byte> record)
        {
            if (!_engine._eventRules.Any)
            {
                return _engine._set.Match(record, _matches, _read); // every subject is a filter pattern, in the same order
            }

            var filters = _engine._filters;
            var count = _engine._set.Match(record, _filterMatches, _read);
            for (var i = 0; i < filters.Length; i++)
            {
                _matches[filters[i]] = _filterMatches[i];
            }

            return count + _engine._eventRules.Match(record, _matches);
        }

        // from the patterns' read of the record when it was one with the control's populations, else by the classifier
        private string Population(ControlGroup group, ReadOnlySpan<byte> record)
        {
            var names = group.Classifier.Names;
            if (_engine._riding && _engine._set.FirstRider(_read, group.FirstRider, names.Count - 1) is { } first)
            {
                return names[first < 0 ? names.Count - 1 : first];
            }

            return group.Classifier.Classify(record);
        }

        private bool AnyMatched(int[] members)
        {
            foreach (var index in members)
            {
                if (_matches[index])
                {
                    return true;
                }
            }

            return false;
        }

        public void Merge(ThreadTally other)
        {
            for (var i = 0; i < Subjects.Length; i++)
            {
                Subjects[i].Merge(other.Subjects[i]);
            }

            Untimed += other.Untimed;
        }

        private static long? PeriodOf(in RecordFacts facts, BacktestSubject subject) =>
            facts.Time is { } time ? time.ToUnixTimeSeconds() - (((time.ToUnixTimeSeconds() % subject.Alarm.PeriodSeconds) + subject.Alarm.PeriodSeconds) % subject.Alarm.PeriodSeconds) : null;
    }
}
