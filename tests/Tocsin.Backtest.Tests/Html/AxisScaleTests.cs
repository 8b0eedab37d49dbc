using CsCheck;
using Tocsin.Backtest.Results.Html;

namespace Tocsin.Backtest.Tests.Html;

public class AxisScaleTests
{
    [Fact]
    public void A_count_axis_has_three_to_five_round_ticks_from_zero_reaching_the_largest_count()
    {
        Gen.Long[1, 5_000_000_000_000L].Sample(largest =>
        {
            var scale = AxisScale.For(largest);
            var ticks = scale.Ticks().ToList();
            var mantissa = scale.Step;
            while (mantissa % 10 == 0)
            {
                mantissa /= 10;
            }

            return ticks.Count is >= 3 and <= 5 && ticks[0] == 0 && ticks[^1] == scale.Top && scale.Top >= largest
                && (largest == 1 || scale.Top - scale.Step < largest) && mantissa is 1 or 2 or 5;
        });
    }

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(3, 1, 3)]
    [InlineData(5, 2, 6)]
    [InlineData(12, 5, 15)]
    [InlineData(144, 50, 150)]
    public void Small_counts_get_the_ticks_a_person_would_draw(long largest, long step, long top)
    {
        AxisScale.For(largest).ShouldBe(new AxisScale(step, top));
    }
}
