using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Tests.Patterns.Verdicts;

/// <summary>
/// The variants of the seed pattern met in the field, which regex and exact-string checkers misjudge, each
/// with the verdict and the sentence a user reads.
/// </summary>
public class SeedVariantVerdictTests
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    private static PatternVerdict Judge(string pattern) => PatternJudge.Judge(pattern, Seed);

    [Theory]
    [InlineData("""{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }""")]
    [InlineData("""{ $.eventName = ConsoleLogin && $.additionalEventData.MFAUsed != Yes }""")]
    [InlineData("""{$.eventName="ConsoleLogin"&&$.additionalEventData.MFAUsed!="Yes"}""")]
    [InlineData("""{ $.eventName = "ConsoleLogin" && $.additionalEventData.MFAUsed != "Yes" }""")]
    [InlineData("""{ ($.additionalEventData.MFAUsed != "Yes") && ($.eventName = "ConsoleLogin") }""")]
    [InlineData("{\n  ($.eventName = \"ConsoleLogin\")\n  && ($.additionalEventData.MFAUsed != \"Yes\")\n}\n")]
    public void Reformatted_seed_patterns_are_equivalent(string pattern)
    {
        var verdict = Judge(pattern);

        verdict.Kind.ShouldBe(VerdictKind.Equivalent);
        verdict.Explanation.ShouldBe("equivalent to the reference pattern: alerts on exactly the same CloudTrail records");
        verdict.Missed.ShouldBeEmpty();
        verdict.Extra.ShouldBeEmpty();
    }

    [Fact]
    public void A_standalone_regex_on_the_event_name_is_broader_and_fires_on_mfa_sign_ins()
    {
        var verdict = Judge("%ConsoleLogin%");

        verdict.Kind.ShouldBe(VerdictKind.Broader);
        verdict.Extra.ShouldBe(["iam-user-mfa", "mfa-field-missing", "root-mfa"]);
        verdict.Explanation.ShouldBe("broader: also alerts on iam-user-mfa, mfa-field-missing, root-mfa");
    }

    [Fact]
    public void A_trailing_wildcard_on_the_event_name_is_broader_only_outside_real_sign_ins()
    {
        var verdict = Judge("""{ ($.eventName = "ConsoleLogin*") && ($.additionalEventData.MFAUsed != "Yes") }""");

        verdict.Kind.ShouldBe(VerdictKind.Broader);
        verdict.Extra.ShouldBeEmpty();
        verdict.Explanation.ShouldBe("""broader: also alerts on records outside the control's populations, such as eventName is "ConsoleLoginx", additionalEventData.MFAUsed is "No" """.TrimEnd());
    }

    [Fact]
    public void Extra_event_names_ored_in_make_the_pattern_broader()
    {
        var verdict = Judge("""{ (($.eventName = "ConsoleLogin") || ($.eventName = "CheckMfa")) && ($.additionalEventData.MFAUsed != "Yes") }""");

        verdict.Kind.ShouldBe(VerdictKind.Broader);
        verdict.Differences.Single().Description.ShouldBe("""eventName is "CheckMfa", additionalEventData.MFAUsed is "No" """.TrimEnd());
    }

    [Fact]
    public void The_cis_strict_variant_is_tuned_and_says_it_drops_root_and_federated_sign_ins()
    {
        var verdict = Judge("""{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }""");

        verdict.Kind.ShouldBe(VerdictKind.Tuned);
        verdict.Variant.ShouldBe("cis-strict");
        verdict.Missed.ShouldBe(["failed-sign-in", "identity-center", "root-no-mfa", "saml-federated"]);
        verdict.CatchesRequiredPopulations.ShouldBeTrue();
        verdict.Explanation.ShouldBe("tuned: equals the accepted variant cis-strict; no longer alerts on failed-sign-in (covered by console-auth-failures), identity-center, root-no-mfa (covered by root-account-usage), saml-federated; still alerts on iam-user-no-mfa");
    }

    [Fact]
    public void Excluding_identity_center_sessions_is_tuned_and_names_what_it_drops()
    {
        var verdict = Judge("""{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.arn != "*AWSReservedSSO*") }""");

        verdict.Kind.ShouldBe(VerdictKind.Tuned);
        verdict.Missed.ShouldContain("identity-center");
        verdict.Missed.ShouldNotContain("iam-user-no-mfa");
        verdict.Explanation.ShouldStartWith("tuned: no longer alerts on ");
    }

    [Fact]
    public void Mfa_used_equal_to_no_is_not_equivalent_and_says_which_records_differ()
    {
        var verdict = Judge("""{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "No") }""");

        verdict.Kind.ShouldBe(VerdictKind.Insufficient);
        verdict.Missed.ShouldBeEmpty();
        verdict.Explanation.ShouldBe("""insufficient: misses records the reference alerts on, such as eventName is "ConsoleLogin", additionalEventData.MFAUsed is "" (every population of the control's corpus is still caught)""");
    }

    [Fact]
    public void Or_in_place_of_and_is_broader_and_fires_on_mfa_sign_ins()
    {
        var verdict = Judge("""{ ($.eventName = "ConsoleLogin") || ($.additionalEventData.MFAUsed != "Yes") }""");

        verdict.Kind.ShouldBe(VerdictKind.Broader);
        verdict.Extra.ShouldContain("iam-user-mfa");
    }

    [Fact]
    public void Not_equal_to_yesterday_is_broader_because_every_mfa_sign_in_differs_from_it()
    {
        var verdict = Judge("""{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yesterday") }""");

        verdict.Kind.ShouldBe(VerdictKind.Broader);
        verdict.Extra.ShouldBe(["iam-user-mfa", "root-mfa"]);
        verdict.Explanation.ShouldBe("""broader: also alerts on iam-user-mfa, root-mfa; misses only records CloudTrail's populations do not contain, such as eventName is "ConsoleLogin", additionalEventData.MFAUsed is "Yesterday" """.TrimEnd());
    }

    [Fact]
    public void Requiring_a_failed_sign_in_is_insufficient_and_misses_the_required_population()
    {
        var verdict = Judge("""{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.responseElements.ConsoleLogin = "Failure") }""");

        verdict.Kind.ShouldBe(VerdictKind.Insufficient);
        verdict.Missed.ShouldContain("iam-user-no-mfa");
        verdict.CatchesRequiredPopulations.ShouldBeFalse();
        verdict.Explanation.ShouldEndWith("(the control requires iam-user-no-mfa)");
    }

    [Fact]
    public void A_clause_that_can_never_hold_never_fires()
    {
        var verdict = Judge("""{ ($.eventName = "ConsoleLogin") && ($.eventName = "GetUser") && ($.additionalEventData.MFAUsed != "Yes") }""");

        verdict.Kind.ShouldBe(VerdictKind.NeverFires);
        verdict.Explanation.ShouldBe("never fires: its conditions cannot all hold on one CloudTrail record");
    }

    [Fact]
    public void Lower_cased_field_names_never_fire_because_field_names_are_case_sensitive()
    {
        var verdict = Judge("""{ ($.eventname = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }""");

        verdict.Kind.ShouldBe(VerdictKind.NeverFires);
        verdict.Explanation.ShouldBe("never fires: CloudTrail records have no field `$.eventname` (field names are case-sensitive: did you mean `eventName`?)");
    }

    [Fact]
    public void Catching_sign_ins_without_the_mfa_field_too_is_broader()
    {
        var verdict = Judge("""{ ($.eventName = "ConsoleLogin") && (($.additionalEventData.MFAUsed != "Yes") || ($.additionalEventData.MFAUsed NOT EXISTS)) }""");

        verdict.Kind.ShouldBe(VerdictKind.Broader);
        verdict.Extra.ShouldBe(["mfa-field-missing"]);
    }

    [Fact]
    public void An_unparseable_pattern_gets_the_parser_message()
    {
        var verdict = Judge("""{ ($.eventName = "ConsoleLogin" }""");

        verdict.Kind.ShouldBe(VerdictKind.Unparseable);
        verdict.Error!.Column.ShouldBe(33);
    }
}
