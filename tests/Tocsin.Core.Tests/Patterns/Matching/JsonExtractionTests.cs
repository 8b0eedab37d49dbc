using Tocsin.Core.Patterns.Syntax;
using static Tocsin.Core.Tests.Patterns.Matching.Build;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class JsonExtractionTests
{
    [Fact]
    public void A_matching_json_event_reports_the_selected_values_by_selector()
    {
        var values = Matcher(Seed()).ExtractedValues(CloudTrailEvents.MfaUsed("\"No\""));
        values.ShouldBe(new Dictionary<string, string> { ["$.eventName"] = "ConsoleLogin", ["$.additionalEventData.MFAUsed"] = "No" });
    }

    [Fact]
    public void Numbers_are_reported_as_written_and_missing_selectors_are_left_out()
    {
        var pattern = Json(Or(Eq("$.n", Num("1")), Cmp("$.missing", ComparisonOperator.IsNull)));
        Matcher(pattern).ExtractedValues("{\"n\":1.0}").ShouldBe(new Dictionary<string, string> { ["$.n"] = "1.0" });
    }

    [Fact]
    public void A_json_event_that_does_not_match_reports_nothing() =>
        Matcher(Seed()).ExtractedValues(CloudTrailEvents.MfaUsed("\"Yes\"")).ShouldBeEmpty();
}
