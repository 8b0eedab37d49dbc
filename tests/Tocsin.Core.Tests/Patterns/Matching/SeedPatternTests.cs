using static Tocsin.Core.Tests.Patterns.Matching.Build;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class SeedPatternTests
{
    private readonly Tocsin.Core.Patterns.Matching.PatternMatcher _seed = Matcher(Seed());

    [Fact]
    public void Console_sign_in_without_MFA_matches() =>
        _seed.Matches(CloudTrailEvents.MfaUsed("\"No\"")).ShouldBeTrue();

    [Fact]
    public void Console_sign_in_with_MFA_does_not_match() =>
        _seed.Matches(CloudTrailEvents.MfaUsed("\"Yes\"")).ShouldBeFalse();

    [Fact]
    public void Console_sign_in_without_an_MFAUsed_field_does_not_match_because_not_equal_needs_the_field() =>
        _seed.Matches(CloudTrailEvents.WithoutMfaUsed()).ShouldBeFalse();

    [Fact]
    public void Console_sign_in_with_MFAUsed_null_does_not_match() =>
        _seed.Matches(CloudTrailEvents.MfaUsed("null")).ShouldBeFalse();

    [Fact]
    public void Console_sign_in_without_additionalEventData_does_not_match() =>
        _seed.Matches(CloudTrailEvents.ConsoleLogin(null)).ShouldBeFalse();

    [Fact]
    public void Console_sign_in_with_MFAUsed_as_an_array_does_not_match() =>
        _seed.Matches(CloudTrailEvents.MfaUsed("[\"No\"]")).ShouldBeFalse();

    [Fact]
    public void Console_sign_in_with_an_empty_MFAUsed_matches() =>
        _seed.Matches(CloudTrailEvents.MfaUsed("\"\"")).ShouldBeTrue();

    [Fact]
    public void Lower_case_yes_is_not_yes_because_comparison_is_case_sensitive() =>
        _seed.Matches(CloudTrailEvents.MfaUsed("\"yes\"")).ShouldBeTrue();

    [Fact]
    public void Additional_event_data_written_as_a_json_string_is_not_descended_into() =>
        _seed.Matches(CloudTrailEvents.ConsoleLogin("\"{\\\"MFAUsed\\\":\\\"No\\\"}\"")).ShouldBeFalse();

    [Fact]
    public void Other_event_names_do_not_match() =>
        _seed.Matches(CloudTrailEvents.ConsoleLogin("{\"MFAUsed\":\"No\"}", eventName: "ConsoleLoginX")).ShouldBeFalse();

    [Fact]
    public void Event_name_written_with_unicode_escapes_still_matches() =>
        _seed.Matches(CloudTrailEvents.ConsoleLogin("{\"MFAUsed\":\"No\"}", eventName: "\\u0043onsole\\u004cogin")).ShouldBeTrue();

    [Fact]
    public void Property_name_written_with_unicode_escapes_still_matches() =>
        _seed.Matches(CloudTrailEvents.ConsoleLogin("{\"MFA\\u0055sed\":\"No\"}")).ShouldBeTrue();

    [Fact]
    public void Plain_text_mentioning_console_login_does_not_match() =>
        _seed.Matches("2024-05-01T12:00:00Z ConsoleLogin user=alice MFAUsed=No").ShouldBeFalse();

    [Fact]
    public void Not_exists_fallback_catches_sign_ins_without_the_MFAUsed_field()
    {
        var fallback = Matcher(Json(And(
            Eq("$.eventName", Str("ConsoleLogin")),
            Or(Ne("$.additionalEventData.MFAUsed", Str("Yes")), Cmp("$.additionalEventData.MFAUsed", Tocsin.Core.Patterns.Syntax.ComparisonOperator.NotExists)))));
        fallback.Matches(CloudTrailEvents.WithoutMfaUsed()).ShouldBeTrue();
        fallback.Matches(CloudTrailEvents.ConsoleLogin(null)).ShouldBeTrue();
        fallback.Matches(CloudTrailEvents.MfaUsed("\"Yes\"")).ShouldBeFalse();
    }

    [Fact]
    public void Matching_bytes_and_matching_the_string_agree()
    {
        var message = CloudTrailEvents.MfaUsed("\"No\"");
        _seed.Matches(System.Text.Encoding.UTF8.GetBytes(message)).ShouldBe(_seed.Matches(message));
    }

    [Theory]
    [InlineData("{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }")]
    [InlineData("{($.eventName=\"ConsoleLogin\")&&($.additionalEventData.MFAUsed!=\"Yes\")}")]
    [InlineData("{ $.eventName = ConsoleLogin && $.additionalEventData.MFAUsed != Yes }")]
    [InlineData("{\n  ($.additionalEventData.MFAUsed != \"Yes\") &&\n  ($.eventName = \"ConsoleLogin\")\n}")]
    public void The_seed_pattern_written_as_text_in_its_common_forms_matches_like_the_tree(string text)
    {
        var parsed = Tocsin.Core.Patterns.Parsing.PatternParser.Parse(text);
        var matcher = Tocsin.Core.Patterns.Matching.PatternMatcher.Compile(parsed.Pattern!);
        string[] events =
        [
            CloudTrailEvents.MfaUsed("\"No\""), CloudTrailEvents.MfaUsed("\"Yes\""), CloudTrailEvents.MfaUsed("null"),
            CloudTrailEvents.WithoutMfaUsed(), CloudTrailEvents.ConsoleLogin(null), "ConsoleLogin MFAUsed=No",
        ];
        events.Select(matcher.Matches).ShouldBe([true, false, false, false, false, false]);
    }
}
