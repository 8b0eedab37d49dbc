using Tocsin.Core.Inventory;

namespace Tocsin.Backtest.Subjects;

/// <summary>
/// When an alarm on a filter's metric would be in ALARM: the metric is the count of matching events per period
/// (Sum, missing data not breaching), compared with the threshold; the alarm breaches when
/// <see cref="DatapointsToAlarm"/> of the last <see cref="EvaluationPeriods"/> periods do.
/// </summary>
public sealed record AlarmRule(int PeriodSeconds, double Threshold, AlarmComparisonOperator Comparison, int EvaluationPeriods, int DatapointsToAlarm)
{
    /// <summary>The CIS alarm: one event in a period is enough.</summary>
    public static AlarmRule OneEvent(int periodSeconds) => new(periodSeconds, 1, AlarmComparisonOperator.GreaterThanOrEqualToThreshold, 1, 1);

    /// <summary>The rule of a deployed alarm, or null when a setting it needs is unknown or the alarm cannot be replayed (metric math, a percentile, a band).</summary>
    public static AlarmRule? Of(Alarm alarm)
    {
        if (alarm.IsMetricMath
            || !alarm.Period.TryGetValue(out var period) || period is not { } seconds || seconds <= 0
            || !alarm.Threshold.TryGetValue(out var threshold) || threshold is not { } value
            || !alarm.ComparisonOperator.TryGetValue(out var comparison)
            || comparison is not (AlarmComparisonOperator.GreaterThanOrEqualToThreshold or AlarmComparisonOperator.GreaterThanThreshold)
            || !alarm.EvaluationPeriods.TryGetValue(out var evaluation)
            || !alarm.Statistic.TryGetValue(out var statistic) || statistic is not (Statistic.Sum or Statistic.SampleCount))
        {
            return null;
        }

        var datapoints = alarm.DatapointsToAlarm.TryGetValue(out var given) && given is { } m ? m : evaluation;
        return new AlarmRule(seconds, value, comparison, Math.Max(1, evaluation), Math.Max(1, datapoints));
    }

    /// <summary>Whether one period's count of matching events breaches the threshold.</summary>
    public bool Breaches(long count) => Comparison == AlarmComparisonOperator.GreaterThanThreshold ? count > Threshold : count >= Threshold;

    /// <summary>
    /// The periods in which the alarm is in ALARM, given the count of matching events per period start (Unix seconds,
    /// multiples of the period); and how many times it would have gone from OK into ALARM (each a notification).
    /// </summary>
    public (IReadOnlyList<long> AlarmPeriods, int Firings) Replay(IReadOnlyDictionary<long, long> countsByPeriod)
    {
        var breaching = countsByPeriod.Where(pair => Breaches(pair.Value)).Select(pair => pair.Key).Order().ToList();
        if (breaching.Count == 0)
        {
            return ([], 0);
        }

        // A period is in ALARM when at least M of the N periods ending with it breach; only periods within N-1 after
        // a breaching one can be, so only those are looked at.
        var breachingSet = breaching.ToHashSet();
        var candidates = new SortedSet<long>();
        foreach (var start in breaching)
        {
            for (var k = 0; k < EvaluationPeriods; k++)
            {
                candidates.Add(start + ((long)k * PeriodSeconds));
            }
        }

        var alarm = new List<long>();
        var firings = 0;
        long? previous = null;
        foreach (var period in candidates)
        {
            var breaches = 0;
            for (var k = 0; k < EvaluationPeriods; k++)
            {
                if (breachingSet.Contains(period - ((long)k * PeriodSeconds)))
                {
                    breaches++;
                }
            }

            if (breaches >= DatapointsToAlarm)
            {
                if (previous != period - PeriodSeconds)
                {
                    firings++;
                }

                alarm.Add(period);
                previous = period;
            }
        }

        return (alarm, firings);
    }
}
