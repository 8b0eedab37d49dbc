using System.Text;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Syntax;
using static Tocsin.Core.Tests.Patterns.Matching.Build;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class PrefilterTests
{
    private static JsonLiteralPrefilter For(JsonExpression expression) => new(expression);

    [Fact]
    public void The_seed_pattern_requires_its_event_name_as_a_key_value_pair_and_its_property_names_in_quotes() =>
        For(Seed().Expression).Literals.Order(StringComparer.Ordinal)
            .ShouldBe(["\"MFAUsed\"", "\"additionalEventData\"", "\"eventName\"", "\"eventName\":\"ConsoleLogin\""]);

    [Fact]
    public void A_key_value_pair_may_be_written_with_whitespace_around_the_colon() =>
        For(Eq("$.eventName", Str("ConsoleLogin"))).MayMatch("{ \"eventName\" :\t\"ConsoleLogin\" }"u8).ShouldBeTrue();

    [Fact]
    public void A_key_value_pair_is_not_found_in_another_key_of_the_same_name_with_another_value() =>
        For(Eq("$.eventName", Str("ConsoleLogin"))).MayMatch("{\"eventName\":\"GetUser\",\"x\":\"ConsoleLogin\"}"u8).ShouldBeFalse();

    [Fact]
    public void A_value_with_escapes_after_the_key_is_left_to_the_json_reader() =>
        For(Eq("$.eventName", Str("ConsoleLogin"))).MayMatch("{\"eventName\":\"Console\\\"Login\"}"u8).ShouldBeTrue();

    [Fact]
    public void An_event_without_the_event_name_is_ruled_out_before_any_json_is_read() =>
        For(Seed().Expression).MayMatch(Encoding.UTF8.GetBytes("{\"eventName\":\"DescribeInstances\",\"additionalEventData\":{\"MFAUsed\":\"No\"}}")).ShouldBeFalse();

    [Fact]
    public void Not_exists_requires_nothing() =>
        For(Or(Eq("$.a", Str("x")), Cmp("$.b", ComparisonOperator.NotExists))).MayMatch("{}"u8).ShouldBeTrue();

    [Fact]
    public void A_value_that_may_be_a_number_is_not_required_in_quotes() =>
        For(Eq("$.n", Str("123"))).MayMatch("{\"n\":123}"u8).ShouldBeTrue();

    [Fact]
    public void A_value_with_a_slash_requires_only_text_json_cannot_escape() =>
        For(Eq("$.p", Str("a/b"))).MayMatch("{\"p\":\"a\\/b\"}"u8).ShouldBeTrue();

    [Fact]
    public void Wildcard_values_require_their_longest_segment() =>
        For(Eq("$.errorCode", Str("*UnauthorizedOperation"))).Literals.ShouldContain("UnauthorizedOperation");

    [Fact]
    public void Either_side_of_an_or_may_satisfy_it() =>
        For(Or(Eq("$.eventName", Bare("CreateTrail")), Eq("$.eventName", Bare("StopLogging"))))
            .MayMatch("{\"eventName\":\"StopLogging\"}"u8).ShouldBeTrue();

    [Fact]
    public void Unicode_escaped_events_are_read_in_full_even_when_literals_are_missing() =>
        Matcher(Seed()).Matches("{\"eventName\":\"\\u0043onsoleLogin\",\"additionalEventData\":{\"MFAUsed\":\"No\"}}").ShouldBeTrue();
}
