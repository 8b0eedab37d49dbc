using System.Globalization;

namespace Tocsin.Backtest.Results.Html;

/// <summary>
/// The x axis of every timeline on the page: the UTC days from the first period with a matching event (or in alarm)
/// to the last, or the weeks (starting on Monday) when that is more than <see cref="MaxDays"/> days, so a history of a
/// day and one of two years both fit the chart. One axis for the whole page, so the charts of all controls line up.
/// </summary>
internal sealed class TimeBuckets
{
    /// <summary>Up to this many days, a bar per day; beyond it, a bar per week.</summary>
    public const int MaxDays = 120;

    private TimeBuckets(DateOnly first, int count, bool weekly)
    {
        First = first;
        Count = count;
        Weekly = weekly;
    }

    /// <summary>The start of the first bucket.</summary>
    public DateOnly First { get; }

    /// <summary>The buckets from the first to the last, the empty ones between included.</summary>
    public int Count { get; }

    public bool Weekly { get; }

    public int DaysPerBucket => Weekly ? 7 : 1;

    /// <summary>The buckets spanning the subjects' periods, or null when no subject matched an event or was in alarm.</summary>
    public static TimeBuckets? Spanning(IEnumerable<SubjectResult> subjects)
    {
        DateOnly? first = null, last = null;
        foreach (var subject in subjects)
        {
            foreach (var day in Days(subject))
            {
                first = first is { } f && f <= day ? f : day;
                last = last is { } l && l >= day ? l : day;
            }
        }

        if (first is not { } start || last is not { } end)
        {
            return null;
        }

        var days = end.DayNumber - start.DayNumber + 1;
        if (days <= MaxDays)
        {
            return new TimeBuckets(start, days, weekly: false);
        }

        var monday = WeekOf(start);
        return new TimeBuckets(monday, ((end.DayNumber - monday.DayNumber) / 7) + 1, weekly: true);
    }

    /// <summary>The subject's events and alarm periods per bucket, for the buckets that have either, in time order.</summary>
    public IReadOnlyList<Bucket> Of(SubjectResult subject)
    {
        var events = new SortedDictionary<int, long>();
        var alarms = new Dictionary<int, int>();
        foreach (var period in subject.Timeline)
        {
            var index = IndexOf(Day(period.Start));
            events[index] = events.GetValueOrDefault(index) + period.Count;
        }

        foreach (var start in subject.AlarmPeriods)
        {
            var index = IndexOf(Day(DateTimeOffset.FromUnixTimeSeconds(start)));
            alarms[index] = alarms.GetValueOrDefault(index) + 1;
            events.TryAdd(index, 0);
        }

        return [.. events.Select(pair => new Bucket(pair.Key, StartOf(pair.Key), pair.Value, alarms.GetValueOrDefault(pair.Key)))];
    }

    public DateOnly StartOf(int index) => First.AddDays(index * DaysPerBucket);

    /// <summary>How a bucket is named on the axis and in a bar's tooltip: its date, or "week of" its Monday.</summary>
    public string Name(DateOnly start) => (Weekly ? "week of " : "") + Date(start);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private int IndexOf(DateOnly day) => (day.DayNumber - First.DayNumber) / DaysPerBucket;

    private static IEnumerable<DateOnly> Days(SubjectResult subject) =>
        subject.Timeline.Select(period => Day(period.Start))
            .Concat(subject.AlarmPeriods.Select(start => Day(DateTimeOffset.FromUnixTimeSeconds(start))));

    private static DateOnly Day(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    private static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

/// <summary>One bar: the bucket's position on the axis, its start, the matching events in it and its periods in alarm.</summary>
internal sealed record Bucket(int Index, DateOnly Start, long Events, int AlarmPeriods);
