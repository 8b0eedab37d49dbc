using Tocsin.Backtest.Subjects;
using Tocsin.Core.Inventory;

namespace Tocsin.Backtest.Tests.Judging;

public class AlarmRuleTests
{
    private static Dictionary<long, long> Counts(params (long Period, long Count)[] counts) => counts.ToDictionary(c => c.Period * 300, c => c.Count);

    [Fact]
    public void A_one_event_alarm_is_in_alarm_in_every_period_with_an_event_and_fires_once_per_run_of_periods()
    {
        var (periods, firings) = AlarmRule.OneEvent(300).Replay(Counts((1, 1), (2, 4), (5, 1)));

        periods.ShouldBe([300, 600, 1500]);
        firings.ShouldBe(2);
    }

    [Fact]
    public void A_threshold_above_one_ignores_quieter_periods()
    {
        var rule = new AlarmRule(300, 3, AlarmComparisonOperator.GreaterThanThreshold, 1, 1);

        rule.Replay(Counts((1, 3), (2, 4), (3, 10))).AlarmPeriods.ShouldBe([600, 900]);
    }

    [Fact]
    public void Two_datapoints_of_three_need_a_second_breaching_period_and_stay_in_alarm_while_two_of_the_last_three_breach()
    {
        var rule = new AlarmRule(300, 1, AlarmComparisonOperator.GreaterThanOrEqualToThreshold, 3, 2);

        var (periods, firings) = rule.Replay(Counts((10, 1), (12, 1), (13, 1), (20, 1)));

        periods.ShouldBe([12 * 300, 13 * 300, 14 * 300]);
        firings.ShouldBe(1);
    }

    [Fact]
    public void An_alarm_whose_settings_are_unknown_or_that_looks_below_a_threshold_cannot_be_replayed()
    {
        var alarm = new Alarm(
            "a", "arn:aws:cloudwatch:us-east-1:111111111111:alarm:a",
            Observed<string?>.Known("m"), Observed<string?>.Known("ns"), Observed<IReadOnlyList<Dimension>>.Known([]),
            Observed<Statistic?>.Known(Statistic.Sum), Observed<string?>.Known(null), Observed<IReadOnlyList<MetricDataQuery>>.Known([]),
            Observed<int?>.Known(60), Observed<int>.Known(1), Observed<int?>.Known(null), Observed<double?>.Known(1),
            Observed<AlarmComparisonOperator>.Known(AlarmComparisonOperator.GreaterThanOrEqualToThreshold), Observed<string?>.Known(null),
            Observed<bool>.Known(true), Observed<IReadOnlyList<string>>.Known([]), Observed<IReadOnlyList<string>>.Known([]), Observed<IReadOnlyList<string>>.Known([]));

        AlarmRule.Of(alarm).ShouldBe(new AlarmRule(60, 1, AlarmComparisonOperator.GreaterThanOrEqualToThreshold, 1, 1));
        AlarmRule.Of(alarm with { ComparisonOperator = Observed<AlarmComparisonOperator>.Known(AlarmComparisonOperator.LessThanThreshold) }).ShouldBeNull();
        AlarmRule.Of(alarm with { Period = Observed<int?>.NotKnown(UnknownReason.AccessDenied) }).ShouldBeNull();
    }
}
