using static Tocsin.Core.Tests.Patterns.Matching.Build;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class TermAndRegexMatchingTests
{
    [Fact]
    public void A_term_matches_as_a_case_sensitive_substring() =>
        (Matcher(Terms("ERROR")).Matches("Exiting with ERRORCODE: -1") && !Matcher(Terms("ERROR")).Matches("error")).ShouldBeTrue();

    [Fact]
    public void All_plain_terms_must_occur() => Matcher(Terms("ERROR", "WARN")).Matches("WARN message").ShouldBeFalse();

    [Fact]
    public void Term_order_does_not_matter() => Matcher(Terms("WARN", "ERROR")).Matches("ERROR WARN message").ShouldBeTrue();

    [Fact]
    public void An_excluded_term_must_not_occur() => Matcher(Terms("ERROR", "-Exiting")).Matches("Exiting with ERRORCODE: -1").ShouldBeFalse();

    [Fact]
    public void A_pattern_of_only_exclusions_matches_events_without_them() =>
        (Matcher(Terms("-ERROR")).Matches("[INFO] 200 OK") && !Matcher(Terms("-ERROR")).Matches("[ERROR] 400")).ShouldBeTrue();

    [Fact]
    public void Optional_terms_alone_need_one_of_them() =>
        (Matcher(Terms("?Error", "?fatal")).Matches("[Error] Unhandled") && !Matcher(Terms("?Error", "?fatal")).Matches("[ERROR] Caught")).ShouldBeTrue();

    [Fact]
    public void Optional_terms_are_ignored_when_a_plain_term_is_present() =>
        Matcher(Terms("?ERROR", "?ARGUMENTS", "REQUEST")).Matches("[INFO] REQUEST FAILED").ShouldBeTrue();

    [Fact]
    public void Optional_terms_are_ignored_when_an_excluded_term_is_present() =>
        Matcher(Terms("?ERROR", "-WARN")).Matches("[INFO] all good").ShouldBeTrue();

    [Fact]
    public void A_quoted_phrase_must_occur_verbatim() =>
        (Matcher(Terms("\"INTERNAL SERVER ERROR\"")).Matches("[ERROR 500] INTERNAL SERVER ERROR")
         && !Matcher(Terms("\"INTERNAL SERVER ERROR\"")).Matches("INTERNAL  SERVER ERROR")).ShouldBeTrue();

    [Fact]
    public void A_quoted_single_space_matches_every_event_even_without_spaces() => Matcher(Terms("\" \"")).Matches("nospace").ShouldBeTrue();

    [Fact]
    public void Term_patterns_see_json_events_as_text() => Matcher(Terms("UpdateTrail")).Matches("{\"eventType\":\"UpdateTrail\"}").ShouldBeTrue();

    [Fact]
    public void The_empty_pattern_matches_everything() =>
        Matcher(new Tocsin.Core.Patterns.Syntax.MatchAllPattern(string.Empty)).Matches("anything at all").ShouldBeTrue();

    [Fact]
    public void A_standalone_regex_searches_anywhere() => Matcher(Regex("AUTHORIZED")).Matches("UNAUTHORIZED").ShouldBeTrue();

    [Fact]
    public void Regex_anchors_bind_to_the_message() =>
        (Matcher(Regex("^starting|^initializing")).Matches("starting service")
         && !Matcher(Regex("^starting|^initializing")).Matches("skipping initializing cache")).ShouldBeTrue();

    [Fact]
    public void Regex_is_case_sensitive() => Matcher(Regex("error")).Matches("ERROR").ShouldBeFalse();

    [Fact]
    public void Regex_hex_escapes_name_characters() => Matcher(Regex("\\x3A")).Matches("key: value").ShouldBeTrue();

    [Fact]
    public void Regex_digit_class_is_ascii_only() => Matcher(Regex("^\\d$")).Matches("\u0663").ShouldBeFalse();

    [Fact]
    public void Regex_upper_bound_only_repetition_means_zero_to_n() => Matcher(Regex("^ab{,2}c$")).Matches("ac").ShouldBeTrue();

    [Fact]
    public void Regex_bounded_repetition_counts() =>
        (Matcher(Regex("^a{3,5}$")).Matches("aaaa") && !Matcher(Regex("^a{3,5}$")).Matches("aa")).ShouldBeTrue();

    [Fact]
    public void Regex_unescaped_dot_matches_any_character() => Matcher(Regex("10.10.0.1")).Matches("10010,051").ShouldBeTrue();

    [Fact]
    public void Regex_negated_classes_exclude_members() => Matcher(Regex("^[^c]at$")).Matches("cat").ShouldBeFalse();
}
