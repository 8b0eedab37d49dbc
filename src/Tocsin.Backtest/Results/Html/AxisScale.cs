namespace Tocsin.Backtest.Results.Html;

/// <summary>
/// A count axis from zero: 3 to 5 ticks at a round step (1, 2 or 5 times a power of ten), the top tick at or above
/// the largest count.
/// </summary>
internal sealed record AxisScale(long Step, long Top)
{
    public static AxisScale For(long largest)
    {
        var max = Math.Max(1, largest);
        for (long power = 1; ; power *= 10)
        {
            foreach (var factor in (long[])[1, 2, 5])
            {
                var step = factor * power;
                var intervals = (max + step - 1) / step;
                if (intervals <= 4)
                {
                    // Only a largest count of 1 fits in one interval of the smallest step; a second keeps three ticks.
                    return new AxisScale(step, Math.Max(2, intervals) * step);
                }
            }
        }
    }

    public IEnumerable<long> Ticks()
    {
        for (var tick = 0L; tick <= Top; tick += Step)
        {
            yield return tick;
        }
    }
}
