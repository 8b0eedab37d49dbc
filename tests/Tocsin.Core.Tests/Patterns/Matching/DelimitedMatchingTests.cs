using Tocsin.Core.Patterns.Syntax;
using static Tocsin.Core.Tests.Patterns.Matching.Build;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class DelimitedMatchingTests
{
    private const string Apache = "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

    private static DelimitedPattern AllSeven() => Delimited(
        Field("ip"), Field("identity"), Field("user_id"), Field("timestamp"), Field("request"), Field("status_code"), Field("size"));

    [Fact]
    public void Brackets_and_quotes_make_one_field_without_the_delimiters()
    {
        var values = Matcher(AllSeven()).ExtractedValues(Apache);
        values["$timestamp"].ShouldBe("10/Oct/2000:13:25:15 -0700");
        values["$request"].ShouldBe("GET /index.html HTTP/1.0");
        values["$size"].ShouldBe("1534");
    }

    [Fact]
    public void Ellipsis_fields_are_extracted_by_position()
    {
        var values = Matcher(Delimited(Ellipsis(), Field("size"))).ExtractedValues(Apache);
        values.Keys.Order().ShouldBe(["$1", "$2", "$3", "$4", "$5", "$6", "$size"]);
        values["$6"].ShouldBe("404");
    }

    [Fact]
    public void A_trailing_anonymous_field_is_extracted_by_its_event_position()
    {
        var pattern = Delimited(Ellipsis(), Field("request", FieldIs("request", ComparisonOperator.Equal, Bare("*.html*"))),
            Field("status_code", FieldIs("status_code", ComparisonOperator.Equal, Bare("4*"))), Field(null));
        var values = Matcher(pattern).ExtractedValues(Apache);
        values["$7"].ShouldBe("1534");
        values["$status_code"].ShouldBe("404");
        values.ContainsKey("$5").ShouldBeFalse();
    }

    [Fact]
    public void An_empty_pattern_matches_and_extracts_every_field()
    {
        var values = Matcher(Delimited()).ExtractedValues(Apache);
        values.Count.ShouldBe(7);
        values["$1"].ShouldBe("127.0.0.1");
    }

    [Fact]
    public void Numeric_conditions_compare_numbers() =>
        Matcher(Delimited(Ellipsis(), Field("status_code", FieldIs("status_code", ComparisonOperator.Equal, Num("200"))), Field("size")))
            .Matches(Apache).ShouldBeFalse();

    [Fact]
    public void Numeric_conditions_on_a_non_numeric_field_are_false_both_ways() =>
        Matcher(Delimited(Field("ip"), Field("identity", FieldIs("identity", ComparisonOperator.NotEqual, Num("5"))), Ellipsis()))
            .Matches(Apache).ShouldBeFalse();

    [Fact]
    public void Or_conditions_on_one_field_need_one_to_hold()
    {
        var status = new FieldOr([FieldIs("s", ComparisonOperator.Equal, Num("404")), FieldIs("s", ComparisonOperator.Equal, Num("410"))]);
        Matcher(Delimited(Ellipsis(), Field("s", status), Field("size"))).Matches(Apache).ShouldBeTrue();
    }

    [Fact]
    public void And_conditions_on_one_field_need_all_to_hold()
    {
        var level = new FieldAnd([FieldIs("w1", ComparisonOperator.NotEqual, Bare("ERROR")), FieldIs("w1", ComparisonOperator.NotEqual, Bare("WARNING"))]);
        var matcher = Matcher(Delimited(Field("w1", level), Field("w2")));
        (matcher.Matches("INFO message") && !matcher.Matches("ERROR message")).ShouldBeTrue();
    }

    [Fact]
    public void Regex_conditions_apply_to_the_field_value() =>
        Matcher(Delimited(Ellipsis(), Field("url", FieldIs("url", ComparisonOperator.Equal, Rx("/service/resource/[0-9]+$"))), Field("rt")))
            .Matches("INFO 09/25/2014 12:00:01 POST /service/resource/67/part/111 1310").ShouldBeFalse();

    [Fact]
    public void Fewer_event_fields_than_pattern_fields_do_not_match() =>
        Matcher(Delimited(Field("a"), Field("b"), Field("c"))).Matches("one two").ShouldBeFalse();

    [Fact]
    public void The_last_field_takes_the_rest_of_a_longer_event()
    {
        var matcher = Matcher(Delimited(Field("w1", FieldIs("w1", ComparisonOperator.Equal, Bare("ERROR"))), Field("w2")));
        matcher.Matches("ERROR something went wrong").ShouldBeTrue();
        matcher.ExtractedValues("ERROR something went wrong")["$w2"].ShouldBe("something went wrong");
    }

    [Fact]
    public void Tabs_separate_fields() =>
        Matcher(Delimited(Field("a", FieldIs("a", ComparisonOperator.Equal, Bare("REPORT"))), Field("b"))).Matches("REPORT\tRequestId").ShouldBeTrue();

    [Fact]
    public void Several_ellipses_find_a_binding() =>
        Matcher(Delimited(Ellipsis(), Field("x", FieldIs("x", ComparisonOperator.Equal, Bare("frank"))), Ellipsis(), Field("last", FieldIs("last", ComparisonOperator.Equal, Num("1534")))))
            .Matches(Apache).ShouldBeTrue();

    [Fact]
    public void A_message_that_does_not_match_extracts_nothing() =>
        Matcher(Delimited(Field("a"), Field("b"), Field("c"))).ExtractedValues("one two").ShouldBeEmpty();

    [Fact]
    public void Term_patterns_extract_nothing() => Matcher(Terms("frank")).ExtractedValues(Apache).ShouldBeEmpty();
}
