using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Tests.Patterns.Verdicts;

/// <summary>Differences only on records CloudTrail never writes do not make a pattern insufficient.</summary>
public class RealisticRecordVerdictTests
{
    [Fact]
    public void Pinning_the_event_source_of_cloudtrail_changes_misses_nothing_cloudtrail_writes()
    {
        var control = ControlCatalog.Default.Find("cloudtrail-config-changes")!;
        var pattern = "{ ($.eventSource = cloudtrail.amazonaws.com) && (" + control.PrimaryReference.Pattern.Trim()[1..^1] + ") }";

        var verdict = PatternJudge.Judge(pattern, control);

        verdict.Kind.ShouldBe(VerdictKind.Tuned);
        verdict.Explanation.ShouldStartWith("tuned: not equivalent, but differs only on records CloudTrail does not write");
    }

    [Fact]
    public void Pinning_the_wrong_event_source_is_still_insufficient()
    {
        var control = ControlCatalog.Default.Find("cloudtrail-config-changes")!;
        var pattern = "{ ($.eventSource = ec2.amazonaws.com) && (" + control.PrimaryReference.Pattern.Trim()[1..^1] + ") }";

        PatternJudge.Judge(pattern, control).Kind.ShouldBe(VerdictKind.Insufficient);
    }

    [Fact]
    public void Two_wildcard_conditions_on_one_field_are_satisfied_together()
    {
        var control = ControlCatalog.Default.Find("console-signin-without-mfa")!;

        var verdict = PatternJudge.Judge("""{ ($.eventName = "Console*") && ($.eventName = "*Login") && ($.additionalEventData.MFAUsed != "Yes") }""", control);

        verdict.Kind.ShouldBe(VerdictKind.Broader);
    }
}

public class CaseTypoVerdictTests
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    [Fact]
    public void A_case_typo_inside_a_service_specific_object_never_fires_and_names_the_real_key()
    {
        var verdict = PatternJudge.Judge("""{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MfaUsed != "Yes") }""", Seed);

        verdict.Kind.ShouldBe(VerdictKind.NeverFires);
        verdict.Explanation.ShouldBe("never fires: CloudTrail records have no field `$.additionalEventData.MfaUsed` (field names are case-sensitive: did you mean `MFAUsed`?)");
    }

    [Fact]
    public void A_key_no_record_shows_under_a_service_specific_object_may_still_exist()
    {
        var verdict = PatternJudge.Judge("""{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.additionalEventData.SomeNewKey NOT EXISTS) }""", Seed);

        verdict.Kind.ShouldNotBe(VerdictKind.NeverFires);
    }
}
