using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Tests.Patterns.Parsing;

public class JsonPatternParserTests
{
    private static JsonExpression Expression(string text)
    {
        var result = PatternParser.Parse(text);
        result.Error.ShouldBeNull();
        return result.Pattern.ShouldBeOfType<JsonPattern>().Expression;
    }

    [Fact]
    public void The_cis_seed_pattern_is_a_conjunction_of_an_equality_and_an_inequality()
    {
        var and = Expression("""{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }""").ShouldBeOfType<JsonAnd>();

        and.Operands.Count.ShouldBe(2);
        var first = and.Operands[0].ShouldBeOfType<JsonCondition>();
        first.Selector.Steps.ShouldBe([new PropertyStep("eventName")]);
        first.Operator.ShouldBe(ComparisonOperator.Equal);
        first.Value.ShouldBe(new StringValue("ConsoleLogin", Quoted: true));
        var second = and.Operands[1].ShouldBeOfType<JsonCondition>();
        second.Selector.Text.ShouldBe("$.additionalEventData.MFAUsed");
        second.Operator.ShouldBe(ComparisonOperator.NotEqual);
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var or = Expression("{ $.a = 1 || $.b = 2 && $.c = 3 }").ShouldBeOfType<JsonOr>();

        or.Operands[0].ShouldBeOfType<JsonCondition>().Selector.Text.ShouldBe("$.a");
        or.Operands[1].ShouldBeOfType<JsonAnd>().Operands.Count.ShouldBe(2);
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        var and = Expression("{ ($.a = 1 || $.b = 2) && $.c = 3 }").ShouldBeOfType<JsonAnd>();

        and.Operands[0].ShouldBeOfType<JsonOr>();
    }

    [Fact]
    public void Nested_conjunctions_flatten_into_one()
    {
        var and = Expression("{ ($.a = 1 && $.b = 2) && ($.c = 3 && $.d = 4) }").ShouldBeOfType<JsonAnd>();

        and.Operands.Count.ShouldBe(4);
    }

    [Theory]
    [InlineData("{$.eventName=ConsoleLogin&&$.additionalEventData.MFAUsed!=Yes}")]
    [InlineData("{\n  ($.eventName = \"ConsoleLogin\")\n  && ($.additionalEventData.MFAUsed != \"Yes\")\n}\n")]
    [InlineData("{ $.eventName   =   \"ConsoleLogin\"   &&   $.additionalEventData.MFAUsed   !=   \"Yes\" }")]
    public void Whitespace_and_quotes_do_not_change_the_seed_pattern(string text)
    {
        var and = Expression(text).ShouldBeOfType<JsonAnd>();

        and.Operands.Cast<JsonCondition>().Select(c => (c.Selector.Text, c.Operator, c.Value!.Text)).ShouldBe(
        [
            ("$.eventName", ComparisonOperator.Equal, "ConsoleLogin"),
            ("$.additionalEventData.MFAUsed", ComparisonOperator.NotEqual, "Yes"),
        ]);
    }

    [Theory]
    [InlineData("{ $.x IS NULL }", ComparisonOperator.IsNull)]
    [InlineData("{ $.x IS TRUE }", ComparisonOperator.IsTrue)]
    [InlineData("{ $.x IS FALSE }", ComparisonOperator.IsFalse)]
    [InlineData("{ $.x NOT EXISTS }", ComparisonOperator.NotExists)]
    [InlineData("{ $.x <= 3 }", ComparisonOperator.LessOrEqual)]
    [InlineData("{ $.x >= 3 }", ComparisonOperator.GreaterOrEqual)]
    [InlineData("{ $.x < 3 }", ComparisonOperator.Less)]
    [InlineData("{ $.x > 3 }", ComparisonOperator.Greater)]
    public void Every_comparison_operator_is_recognised(string text, ComparisonOperator expected) =>
        Expression(text).ShouldBeOfType<JsonCondition>().Operator.ShouldBe(expected);

    [Fact]
    public void Selectors_take_indexes_wildcards_and_quoted_keys()
    {
        var condition = Expression("{ $.['cluster.name'][2].*.id = 1 }").ShouldBeOfType<JsonCondition>();

        condition.Selector.Steps.ShouldBe([new PropertyStep("cluster.name"), new IndexStep(2), new AnyPropertyStep(), new PropertyStep("id")]);
        Expression("{ $.list[*] = 1 }").ShouldBeOfType<JsonCondition>().Selector.Steps[1].ShouldBeOfType<AnyElementStep>();
    }

    [Theory]
    [InlineData("400", typeof(NumberValue))]
    [InlineData("-1", typeof(NumberValue))]
    [InlineData("1e-3", typeof(NumberValue))]
    [InlineData("+1000", typeof(NumberValue))]
    [InlineData("UpdateTrail", typeof(StringValue))]
    [InlineData("123.123.*", typeof(StringValue))]
    [InlineData("*", typeof(StringValue))]
    [InlineData("\"400\"", typeof(StringValue))]
    [InlineData("%Trail%", typeof(RegexValue))]
    [InlineData("\"%Trail%\"", typeof(StringValue))]
    public void Values_are_numbers_strings_or_regular_expressions(string value, Type expected) =>
        Expression($"{{ $.x = {value} }}").ShouldBeOfType<JsonCondition>().Value.ShouldBeOfType(expected);

    [Fact]
    public void A_number_keeps_the_text_it_was_written_with()
    {
        var value = Expression("{ $.x = 12.0 }").ShouldBeOfType<JsonCondition>().Value.ShouldBeOfType<NumberValue>();

        value.Text.ShouldBe("12.0");
        value.Number.ShouldBe(12);
    }

    [Fact]
    public void A_backslash_in_a_quoted_value_makes_the_next_character_literal() =>
        Expression("""{ $.x = "say \"hi\" \\ " }""").ShouldBeOfType<JsonCondition>().Value!.Text.ShouldBe("say \"hi\" \\ ");
}
