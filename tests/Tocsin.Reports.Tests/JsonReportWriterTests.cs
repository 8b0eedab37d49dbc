using System.Text.Json;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Tests;

public class JsonReportWriterTests
{
    private static JsonElement Write(RunResult run)
    {
        var output = new StringWriter();
        new JsonReportWriter().Write(run, output);
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    private static JsonElement Finding(int index) => Write(SampleRuns.Run()).GetProperty("findings")[index];

    [Fact]
    public void Findings_are_ordered_by_account_then_control_then_region()
    {
        var accounts = Write(SampleRuns.Run()).GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("accountId").GetString());

        accounts.ShouldBe(["111111111111", "222222222222", "333333333333"]);
    }

    [Fact]
    public void A_passing_finding_has_every_field_of_the_contract()
    {
        var pass = Finding(0);

        pass.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["controlId", "accountId", "region", "outcome", "suppressed", "exception", "reasons", "verdict", "literalVerdict", "pattern", "message", "evidence", "inheritedFrom", "chain", "otherChain"]);
        pass.GetProperty("controlId").GetString().ShouldBe("console-signin-without-mfa");
        pass.GetProperty("region").GetString().ShouldBe("us-east-1");
        pass.GetProperty("outcome").GetString().ShouldBe("pass");
        pass.GetProperty("suppressed").GetBoolean().ShouldBeFalse();
        pass.GetProperty("exception").ValueKind.ShouldBe(JsonValueKind.Null);
        pass.GetProperty("reasons").GetArrayLength().ShouldBe(0);
        pass.GetProperty("verdict").GetString().ShouldBe("equivalent");
        pass.GetProperty("literalVerdict").GetString().ShouldBe("match");
        pass.GetProperty("message").GetString().ShouldBe("alarm console-signin-without-mfa notifies 1 confirmed subscriber of security-alarms");
        pass.GetProperty("evidence").GetProperty("chain")[2].GetString().ShouldBe("arn:aws:sns:us-east-1:111111111111:security-alarms");
        pass.GetProperty("inheritedFrom").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void A_failing_finding_carries_kebab_case_reasons_candidates_and_the_inheriting_owner()
    {
        var fail = Finding(1);

        fail.GetProperty("outcome").GetString().ShouldBe("fail");
        fail.GetProperty("reasons")[0].GetString().ShouldBe("no-confirmed-subscription");
        fail.GetProperty("verdict").GetString().ShouldBe("tuned");
        fail.GetProperty("literalVerdict").GetString().ShouldBe("no-match");
        fail.GetProperty("evidence").GetProperty("candidates")[0].GetString().ShouldBe("arn:aws:cloudtrail:us-east-1:222222222222:trail/old");
        fail.GetProperty("inheritedFrom").GetString().ShouldBe("111111111111");
    }

    [Fact]
    public void A_suppressed_finding_names_its_exception()
    {
        var suppressed = Finding(2);

        suppressed.GetProperty("region").ValueKind.ShouldBe(JsonValueKind.Null);
        suppressed.GetProperty("outcome").GetString().ShouldBe("error");
        suppressed.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        var exception = suppressed.GetProperty("exception");
        exception.GetProperty("owner").GetString().ShouldBe("security@example.com");
        exception.GetProperty("expires").GetString().ShouldBe("2027-03-31");
        exception.GetProperty("source").GetString().ShouldBe("exceptions.yaml:2");
        suppressed.GetProperty("verdict").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void The_summary_counts_open_findings_by_outcome_and_suppressed_ones_apart()
    {
        var summary = Write(SampleRuns.Run()).GetProperty("summary");

        summary.GetProperty("accounts").GetInt32().ShouldBe(3);
        summary.GetProperty("controls").GetInt32().ShouldBe(1);
        summary.GetProperty("pass").GetInt32().ShouldBe(1);
        summary.GetProperty("fail").GetInt32().ShouldBe(1);
        summary.GetProperty("error").GetInt32().ShouldBe(0);
        summary.GetProperty("suppressed").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Expired_exceptions_are_listed_in_the_summary()
    {
        var expired = Write(SampleRuns.Run()).GetProperty("summary").GetProperty("expiredExceptions").EnumerateArray().Single();

        expired.GetProperty("control").GetString().ShouldBe("root-account-usage");
        expired.GetProperty("region").GetString().ShouldBe("us-east-1");
        expired.GetProperty("resource").ValueKind.ShouldBe(JsonValueKind.Null);
        expired.GetProperty("source").GetString().ShouldBe("exceptions.yaml:9");
    }

    [Fact]
    public void The_same_run_writes_the_same_bytes()
    {
        var first = new StringWriter();
        var second = new StringWriter();
        new JsonReportWriter().Write(SampleRuns.Run(), first);
        new JsonReportWriter().Write(RunResult.Of([SampleRuns.Pass, SampleRuns.SuppressedError, SampleRuns.Fail], [SampleRuns.ExpiredException]), second);

        second.ToString().ShouldBe(first.ToString());
    }

    [Fact]
    public void A_judged_pattern_is_written_with_the_populations_it_drops()
    {
        var tuned = Write(RunResult.Of([SampleRuns.TunedPass])).GetProperty("findings")[0].GetProperty("pattern");

        tuned.GetProperty("text").GetString().ShouldStartWith("{ ($.eventName = \"ConsoleLogin\")");
        tuned.GetProperty("variant").GetString().ShouldBe("cis-strict");
        tuned.GetProperty("missed").EnumerateArray().Select(p => p.GetString()).ShouldBe(["root-no-mfa"]);
        tuned.GetProperty("extra").GetArrayLength().ShouldBe(0);
    }
}
