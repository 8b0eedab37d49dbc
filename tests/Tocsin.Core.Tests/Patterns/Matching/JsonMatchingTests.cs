using Tocsin.Core.Patterns.Syntax;
using static Tocsin.Core.Tests.Patterns.Matching.Build;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class JsonMatchingTests
{
    private const string Doc =
        "{\"eventType\":\"UpdateTrail\",\"sourceIPAddress\":\"111.111.111.111\",\"arrayKey\":[\"value\",\"another value\"]," +
        "\"objectList\":[{\"name\":\"a\",\"id\":1},{\"name\":\"b\",\"id\":2}],\"SomeObject\":null,\"ThisFlag\":true," +
        "\"cluster.name\":\"c\",\"someInt\":123,\"someFloat\":12.34,\"someFloat2\":12.0,\"someObject\":{},\"someArray\":[]," +
        "\"coordinates\":[[0,1,2],[4,5,6],[7,8,9]]}";

    private static bool Holds(JsonExpression expression, string message = Doc) => Matcher(Json(expression)).Matches(message);

    [Fact]
    public void Equality_is_exact_not_substring() => Holds(Eq("$.eventType", Str("Update"))).ShouldBeFalse();

    [Fact]
    public void Equality_is_case_sensitive() => Holds(Eq("$.eventType", Str("updatetrail"))).ShouldBeFalse();

    [Fact]
    public void Equality_with_the_whole_value_matches() => Holds(Eq("$.eventType", Bare("UpdateTrail"))).ShouldBeTrue();

    [Fact]
    public void Not_equal_on_a_missing_field_is_false() => Holds(Ne("$.nothere", Str("x"))).ShouldBeFalse();

    [Fact]
    public void Not_equal_below_a_missing_parent_is_false() => Holds(Ne("$.nothere.deeper", Str("x"))).ShouldBeFalse();

    [Fact]
    public void Not_exists_on_a_missing_field_is_true() => Holds(Cmp("$.nothere", ComparisonOperator.NotExists)).ShouldBeTrue();

    [Fact]
    public void Not_exists_below_a_missing_parent_is_true() => Holds(Cmp("$.nothere.deeper", ComparisonOperator.NotExists)).ShouldBeTrue();

    [Fact]
    public void Not_exists_on_a_null_field_is_false() => Holds(Cmp("$.SomeObject", ComparisonOperator.NotExists)).ShouldBeFalse();

    [Fact]
    public void Not_exists_on_an_index_out_of_range_is_true() => Holds(Cmp("$.arrayKey[5]", ComparisonOperator.NotExists)).ShouldBeTrue();

    [Fact]
    public void Is_null_matches_a_null_field() => Holds(Cmp("$.SomeObject", ComparisonOperator.IsNull)).ShouldBeTrue();

    [Fact]
    public void Is_null_does_not_match_a_missing_field() => Holds(Cmp("$.nothere", ComparisonOperator.IsNull)).ShouldBeFalse();

    [Fact]
    public void Null_is_neither_equal_nor_unequal_to_a_value() =>
        (Holds(Eq("$.SomeObject", Str("x"))) || Holds(Ne("$.SomeObject", Str("x")))).ShouldBeFalse();

    [Fact]
    public void Is_true_matches_a_true_boolean() => Holds(Cmp("$.ThisFlag", ComparisonOperator.IsTrue)).ShouldBeTrue();

    [Fact]
    public void Is_false_does_not_match_a_true_boolean() => Holds(Cmp("$.ThisFlag", ComparisonOperator.IsFalse)).ShouldBeFalse();

    [Fact]
    public void Is_true_does_not_match_the_string_true() => Holds(Cmp("$.flag", ComparisonOperator.IsTrue), "{\"flag\":\"true\"}").ShouldBeFalse();

    [Fact]
    public void Booleans_are_neither_equal_nor_unequal_to_a_value() =>
        (Holds(Eq("$.ThisFlag", Bare("true"))) || Holds(Ne("$.ThisFlag", Bare("false")))).ShouldBeFalse();

    [Fact]
    public void Indexing_a_boolean_selects_nothing() => Holds(Cmp("$.ThisFlag[0]", ComparisonOperator.IsTrue)).ShouldBeFalse();

    [Fact]
    public void Arrays_are_never_equal_to_a_value() => Holds(Eq("$.users", Num("1")), "{\"users\":[1,2,3]}").ShouldBeFalse();

    [Fact]
    public void Arrays_are_never_unequal_to_a_value() => Holds(Ne("$.users", Num("1")), "{\"users\":[1,2,3]}").ShouldBeFalse();

    [Fact]
    public void Empty_objects_are_never_unequal_to_a_value() => Holds(Ne("$.someObject", Str("x"))).ShouldBeFalse();

    [Fact]
    public void An_object_selected_by_index_is_not_a_value() => Holds(Eq("$.objectList[0]", Str("a"))).ShouldBeFalse();

    [Fact]
    public void Star_value_needs_an_existing_value_node() =>
        (Holds(Eq("$.eventType", Str("*"))) && !Holds(Eq("$.nothere", Str("*"))) && !Holds(Eq("$.someObject", Str("*")))).ShouldBeTrue();

    [Fact]
    public void Numbers_compare_numerically_with_numeric_literals() => Holds(Eq("$.someInt", Num("123.0"))).ShouldBeTrue();

    [Fact]
    public void A_float_written_with_a_zero_fraction_equals_the_integer() => Holds(Eq("$.someFloat2", Num("12"))).ShouldBeTrue();

    [Fact]
    public void Scientific_literals_compare_by_value() => Holds(Eq("$.n[0]", Num("1e+3")), "{\"n\":[1000]}").ShouldBeTrue();

    [Fact]
    public void Relational_operators_compare_numbers() =>
        (Holds(Cmp("$.someFloat", ComparisonOperator.Less, Num("50"))) && !Holds(Cmp("$.someInt", ComparisonOperator.Greater, Num("123")))).ShouldBeTrue();

    [Fact]
    public void Relational_operators_never_match_strings() => Holds(Cmp("$.eventType", ComparisonOperator.GreaterOrEqual, Num("123"))).ShouldBeFalse();

    [Fact]
    public void Relational_operators_never_match_numeric_looking_strings() =>
        Holds(Cmp("$.status", ComparisonOperator.Greater, Num("400")), "{\"status\":\"500\"}").ShouldBeFalse();

    [Fact]
    public void Numeric_literals_never_equal_string_nodes() => Holds(Eq("$.status", Num("500")), "{\"status\":\"500\"}").ShouldBeFalse();

    [Fact]
    public void Numbers_compare_by_their_written_text_against_string_literals() => Holds(Eq("$.someInt", Str("123"))).ShouldBeTrue();

    [Fact]
    public void A_number_is_unequal_to_a_string_literal_with_another_spelling() =>
        (Holds(Ne("$.someInt", Str("123.0"))) && Holds(Ne("$.someFloat2", Str("12")))).ShouldBeTrue();

    [Fact]
    public void A_bare_word_is_unequal_to_a_number() => Holds(Ne("$.someInt", Bare("nonmatch"))).ShouldBeTrue();

    [Fact]
    public void Wildcards_apply_to_the_text_of_numbers() =>
        (Holds(Eq("$.someInt", Bare("12*"))) && Holds(Eq("$.someFloat", Bare("*.34")))).ShouldBeTrue();

    [Fact]
    public void Quoted_percent_text_is_a_literal_not_a_regex() => Holds(Eq("$.foo", Str("%bar%")), "{\"foo\":\"bar\"}").ShouldBeFalse();

    [Fact]
    public void Regex_values_search_anywhere_in_the_value() => Holds(Eq("$.eventType", Rx("Trail"))).ShouldBeTrue();

    [Fact]
    public void Not_equal_with_a_regex_means_the_regex_does_not_match() => Holds(Ne("$.eventType", Rx("^Trail"))).ShouldBeTrue();

    [Fact]
    public void Array_indexes_are_zero_based() => Holds(Eq("$.arrayKey[1]", Str("another value"))).ShouldBeTrue();

    [Fact]
    public void Nested_indexes_select_inner_arrays() => Holds(Eq("$.coordinates[2][0]", Num("7"))).ShouldBeTrue();

    [Fact]
    public void Index_then_property_selects_inside_array_objects() => Holds(Eq("$.objectList[1].id", Num("2"))).ShouldBeTrue();

    [Fact]
    public void Bracketed_keys_select_keys_containing_dots() => Holds(Eq("$.['cluster.name']", Str("c"))).ShouldBeTrue();

    [Fact]
    public void Dotted_paths_descend_rather_than_select_dotted_keys() => Holds(Eq("$.cluster.name", Str("c"))).ShouldBeFalse();

    [Fact]
    public void Any_element_wildcard_holds_when_one_element_matches() => Holds(Eq("$.arrayKey[*]", Rx("val.{2}"))).ShouldBeTrue();

    [Fact]
    public void Any_field_wildcard_holds_when_one_field_matches() => Holds(Eq("$.*", Rx("111\\.111\\.111\\.1[0-9]{1,2}"))).ShouldBeTrue();

    [Fact]
    public void Wildcard_not_equal_holds_when_any_element_differs() => Holds(Ne("$.arrayKey[*]", Str("value"))).ShouldBeTrue();

    [Fact]
    public void Wildcard_then_property_checks_every_element() =>
        (Holds(Eq("$.objectList[*].name", Str("b"))) && !Holds(Eq("$.objectList[*].name", Str("c")))).ShouldBeTrue();

    [Fact]
    public void And_binds_tighter_than_or() =>
        Holds(Or(Eq("$.eventType", Str("UpdateTrail")), And(Eq("$.coordinates[0][1]", Str("nonmatch")), Eq("$.arrayKey[0]", Str("nonmatch"))))).ShouldBeTrue();

    [Fact]
    public void A_top_level_array_has_no_properties() => Holds(Eq("$.a", Num("1")), "[{\"a\":1}]").ShouldBeFalse();

    [Fact]
    public void A_top_level_scalar_is_not_a_json_event() => Holds(Cmp("$.a", ComparisonOperator.NotExists), "42").ShouldBeFalse();

    [Fact]
    public void Json_after_a_text_prefix_is_not_a_json_event() =>
        Holds(Cmp("$.a", ComparisonOperator.NotExists), "2024-01-01\tINFO\t{\"b\":1}").ShouldBeFalse();

    [Fact]
    public void Escaped_strings_are_compared_unescaped() =>
        Holds(Eq("$.path", Str("a/b \"c\" \\ é")), "{\"path\":\"a\\/b \\\"c\\\" \\\\ \\u00e9\"}").ShouldBeTrue();

    [Fact]
    public void Escaped_property_names_are_compared_unescaped() => Holds(Eq("$.['a/b']", Num("1")), "{\"a\\/b\":1}").ShouldBeTrue();
}
