using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Tests.Patterns.Parsing;

public class OtherFormsParserTests
{
    private static T Parsed<T>(string text) where T : FilterPattern
    {
        var result = PatternParser.Parse(text);
        result.Error.ShouldBeNull();
        return result.Pattern.ShouldBeOfType<T>();
    }

    [Fact]
    public void The_empty_pattern_matches_everything() => Parsed<MatchAllPattern>("");

    [Fact]
    public void Terms_carry_their_prefix_and_quoting()
    {
        var terms = Parsed<TermPattern>("ERROR -Exiting ?\"[WARN]\"").Terms;

        terms.ShouldBe(
        [
            new Term("ERROR", TermKind.Required, Quoted: false),
            new Term("Exiting", TermKind.Excluded, Quoted: false),
            new Term("[WARN]", TermKind.Optional, Quoted: true),
        ]);
    }

    [Fact]
    public void A_standalone_regex_keeps_the_body_between_the_percent_signs() =>
        Parsed<RegexPattern>("%^starting|^initializing|^shutting down%").Regex.Body.ShouldBe("^starting|^initializing|^shutting down");

    [Fact]
    public void A_delimited_pattern_reads_named_anonymous_and_ellipsis_fields()
    {
        var fields = Parsed<DelimitedPattern>("[..., request=*.html*, status_code=4*,]").Fields;

        fields.Count.ShouldBe(4);
        fields[0].ShouldBeOfType<EllipsisField>();
        fields[1].ShouldBe(new NamedField("request", new FieldCondition("request", ComparisonOperator.Equal, new StringValue("*.html*", Quoted: false))));
        fields[3].ShouldBe(new NamedField(null, null));
    }

    [Fact]
    public void A_delimited_slot_combines_conditions_on_its_own_field()
    {
        var field = Parsed<DelimitedPattern>("[ip, status_code = 404 || status_code = 410, bytes]").Fields[1].ShouldBeOfType<NamedField>();

        field.Condition.ShouldBeOfType<FieldOr>().Operands.Count.ShouldBe(2);
    }

    [Fact]
    public void The_empty_delimited_pattern_is_valid() => Parsed<DelimitedPattern>("[]").Fields.ShouldBeEmpty();
}
