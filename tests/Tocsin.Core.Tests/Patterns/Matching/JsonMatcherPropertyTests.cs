using CsCheck;
using Tocsin.Core.Patterns.Matching;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class JsonMatcherPropertyTests
{
    [Fact]
    public void The_byte_matcher_agrees_with_the_reference_evaluator_on_random_events_and_patterns()
    {
        var matched = 0;
        var total = 0;
        Gen.Int.Sample(
            seed =>
            {
                var (message, pattern) = RandomJsonCases.Next(new Random(seed));
                var expected = ReferenceJsonEvaluator.Matches(pattern, message);
                var actual = PatternMatcher.Compile(pattern).Matches(message);
                actual.ShouldBe(expected, $"pattern {Describe(pattern.Expression)} on {message}");
                Interlocked.Increment(ref total);
                if (expected)
                    Interlocked.Increment(ref matched);
            },
            iter: 20_000);

        // The generator must exercise both outcomes, or agreement would prove little.
        ((double)matched / total).ShouldBeInRange(0.1, 0.9);
    }

    private static string Describe(Tocsin.Core.Patterns.Syntax.JsonExpression expression) => expression switch
    {
        Tocsin.Core.Patterns.Syntax.JsonAnd and => "(" + string.Join(" && ", and.Operands.Select(Describe)) + ")",
        Tocsin.Core.Patterns.Syntax.JsonOr or => "(" + string.Join(" || ", or.Operands.Select(Describe)) + ")",
        Tocsin.Core.Patterns.Syntax.JsonCondition c => $"{c.Selector.Text} {c.Operator} {c.Value?.Text}",
        _ => "?",
    };
}
