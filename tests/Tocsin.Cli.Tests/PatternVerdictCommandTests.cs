using System.Text.Json;

namespace Tocsin.Cli.Tests;

public class PatternVerdictCommandTests
{
    [Fact]
    public void Verdict_explains_a_tuned_pattern_in_one_line()
    {
        var run = CliRun.Of("pattern", "verdict",
            """{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }""",
            "--control", "console-signin-without-mfa");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldBe("tuned: equals the accepted variant cis-strict; no longer alerts on failed-sign-in (covered by console-auth-failures), identity-center, root-no-mfa (covered by root-account-usage), saml-federated; still alerts on iam-user-no-mfa" + Environment.NewLine);
    }

    [Fact]
    public void Verdict_accepts_a_control_alias()
    {
        var run = CliRun.Of("pattern", "verdict", """{ $.eventName = "ConsoleLogin" && $.additionalEventData.MFAUsed != "Yes" }""", "--control", "securityhub:CloudWatch.3");

        run.Out.ShouldStartWith("equivalent");
    }

    [Fact]
    public void Verdict_as_json_carries_the_contract_fields()
    {
        var run = CliRun.Of("pattern", "verdict", "%ConsoleLogin%", "--control", "cis-aws-1.2:3.2", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        root.GetProperty("verdict").GetString().ShouldBe("broader");
        root.GetProperty("reference").GetString().ShouldBe("cis");
        root.GetProperty("missed").GetArrayLength().ShouldBe(0);
        root.GetProperty("extra").EnumerateArray().Select(e => e.GetString()).ShouldContain("iam-user-mfa");
        root.GetProperty("explanation").GetString().ShouldStartWith("broader: also alerts on iam-user-mfa");
    }

    [Fact]
    public void Verdict_on_an_unknown_control_names_the_known_ones_and_exits_2()
    {
        var run = CliRun.Of("pattern", "verdict", "x", "--control", "no-such-control");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("unknown control `no-such-control`; known: console-signin-without-mfa");
    }

    [Fact]
    public void Verdict_on_an_unparseable_pattern_writes_the_json_verdict_and_exits_2()
    {
        var run = CliRun.Of("pattern", "verdict", "{ $.eventName = ", "--control", "console-signin-without-mfa", "--format", "json");

        run.ExitCode.ShouldBe(2);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("verdict").GetString().ShouldBe("unparseable");
        run.Error.Trim().ShouldBe("invalid filter pattern: expected `}` at column 16: a pattern that starts with `{` must end with `}`");
    }
}
