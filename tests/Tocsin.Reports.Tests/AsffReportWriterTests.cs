using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Core.Findings;
using Tocsin.Reports.Asff;

namespace Tocsin.Reports.Tests;

public class AsffReportWriterTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReportContext Context = new(GeneratedAt);
    private static readonly AsffFindingFormat Format = AsffFindingFormat.Load();

    private static string Text(RunResult run, ReportContext? context = null)
    {
        var output = new StringWriter();
        new AsffReportWriter(context ?? Context).Write(run, output);
        return output.ToString();
    }

    private static JsonElement Request(RunResult run, ReportContext? context = null) => JsonDocument.Parse(Text(run, context)).RootElement.Clone();

    private static JsonElement FindingOf(RunResult run, string account) =>
        Request(run).GetProperty("Findings").EnumerateArray().Single(f => f.GetProperty("AwsAccountId").GetString() == account);

    [Fact]
    public void A_mixed_run_is_a_batch_import_request_whose_every_finding_keeps_the_format()
    {
        var request = Request(SampleRuns.Mixed());

        Format.CheckRequest(request).ShouldBeEmpty();
        request.GetProperty("Findings").GetArrayLength().ShouldBe(SampleRuns.Mixed().Findings.Count);
    }

    [Fact]
    public void A_run_on_code_is_a_batch_import_request_whose_every_finding_keeps_the_format()
    {
        Format.CheckRequest(Request(SampleRuns.Iac(), Context with { Source = ReportSource.InfrastructureCode })).ShouldBeEmpty();
    }

    [Fact]
    public void The_format_check_rejects_a_finding_that_breaks_the_format()
    {
        var request = JsonNode.Parse(Text(SampleRuns.Run()))!;
        var finding = request["Findings"]![2]!.AsObject();
        finding.Remove("Title");
        finding["SchemaVersion"] = "2020-01-01";
        finding["Severity"] = new JsonObject { ["Label"] = "SEVERE" };
        finding["Description"] = new string('x', 1025);
        finding["Colour"] = "red";
        finding["Resources"]![0]!.AsObject().Remove("Type");
        finding["Note"]!.AsObject().Remove("UpdatedBy");
        finding["ProductFields"]!["tocsin/Empty"] = " ";
        finding["UpdatedAt"] = "yesterday";

        var errors = Format.CheckRequest(JsonDocument.Parse(request.ToJsonString()).RootElement);

        errors.ShouldContain("$.Findings[2]: the required attribute Title is missing");
        errors.ShouldContain("$.Findings[2].SchemaVersion: '2020-01-01' is not 2018-10-08");
        errors.ShouldContain(e => e.StartsWith("$.Findings[2].Severity.Label: 'SEVERE' is not one of", StringComparison.Ordinal));
        errors.ShouldContain("$.Findings[2].Description: 1025 characters; the documented maximum is 1024");
        errors.ShouldContain("$.Findings[2].Colour: not a member");
        errors.ShouldContain("$.Findings[2].Resources[0]: the required member Type is missing");
        errors.ShouldContain("$.Findings[2].Note: the required member UpdatedBy is missing");
        errors.ShouldContain("$.Findings[2].ProductFields.tocsin/Empty: keys and values are non-empty strings");
        errors.ShouldContain("$.Findings[2].UpdatedAt: 'yesterday' is not an RFC 3339 timestamp");
    }

    [Fact]
    public void The_format_check_rejects_a_request_of_more_than_100_findings()
    {
        var many = RunResult.Of(Enumerable.Range(0, 101).Select(i => SampleRuns.Pass with { AccountId = $"{100000000000 + i}" }));

        Format.CheckRequest(Request(many)).ShouldContain("$.Findings: 101 findings; a request takes 1 to 100");
    }

    [Fact]
    public void The_id_is_the_same_in_every_run_and_names_account_region_and_control()
    {
        var first = Request(SampleRuns.Mixed()).GetProperty("Findings").EnumerateArray().Select(f => f.GetProperty("Id").GetString()).ToList();
        var later = Request(SampleRuns.Mixed(), Context with { GeneratedAt = GeneratedAt.AddDays(1) })
            .GetProperty("Findings").EnumerateArray().Select(f => f.GetProperty("Id").GetString()).ToList();

        later.ShouldBe(first);
        first.Distinct().Count().ShouldBe(first.Count);
        first.ShouldContain("tocsin/222222222222/us-east-1/console-signin-without-mfa");
    }

    [Fact]
    public void A_finding_is_the_custom_integration_product_of_its_own_account_and_region()
    {
        var fail = FindingOf(SampleRuns.Run(), "222222222222");
        var regionless = FindingOf(SampleRuns.Run(), "333333333333");

        fail.GetProperty("ProductArn").GetString().ShouldBe("arn:aws:securityhub:us-east-1:222222222222:product/222222222222/default");
        regionless.GetProperty("ProductArn").GetString().ShouldBe("arn:aws:securityhub:us-east-1:333333333333:product/333333333333/default");
        regionless.GetProperty("Id").GetString().ShouldBe("tocsin/333333333333/global/console-signin-without-mfa");
        fail.GetProperty("GeneratorId").GetString().ShouldBe("tocsin/console-signin-without-mfa");
        fail.GetProperty("CreatedAt").GetString().ShouldBe("2026-12-06T09:00:00.000Z");
    }

    [Fact]
    public void A_suppressed_finding_is_suppressed_with_a_note_of_the_exception_owner_reason_and_expiry()
    {
        var suppressed = FindingOf(SampleRuns.Run(), "333333333333");

        suppressed.GetProperty("Workflow").GetProperty("Status").GetString().ShouldBe("SUPPRESSED");
        var note = suppressed.GetProperty("Note");
        note.GetProperty("Text").GetString().ShouldBe(
            "Suppressed by the exception at exceptions.yaml:2 until 2027-03-31, owner security@example.com: Sandbox account, closed in March");
        note.GetProperty("UpdatedBy").GetString().ShouldBe("security@example.com");
        note.GetProperty("UpdatedAt").GetString().ShouldBe("2026-12-06T09:00:00.000Z");
    }

    [Fact]
    public void An_error_finding_is_not_available_with_its_reason()
    {
        var compliance = FindingOf(SampleRuns.Run(), "333333333333").GetProperty("Compliance");

        compliance.GetProperty("Status").GetString().ShouldBe("NOT_AVAILABLE");
        compliance.GetProperty("StatusReasons")[0].GetProperty("ReasonCode").GetString().ShouldBe("access-denied");
        compliance.GetProperty("StatusReasons")[0].GetProperty("Description").GetString().ShouldBe("could not read the account: sts:AssumeRole denied");
    }

    [Fact]
    public void A_failing_finding_relates_to_every_cis_version_and_names_its_security_hub_control()
    {
        var fail = FindingOf(SampleRuns.Run(), "222222222222");

        fail.GetProperty("Compliance").GetProperty("Status").GetString().ShouldBe("FAILED");
        fail.GetProperty("Compliance").GetProperty("RelatedRequirements").EnumerateArray().Select(r => r.GetString()).ShouldBe(
        [
            "CIS AWS Foundations Benchmark v1.2.0/3.2", "CIS AWS Foundations Benchmark v1.3.0/4.2", "CIS AWS Foundations Benchmark v1.4.0/4.2",
            "CIS AWS Foundations Benchmark v1.5.0/4.2", "CIS AWS Foundations Benchmark v2.0.0/4.2", "CIS AWS Foundations Benchmark v3.0.0/4.2",
            "CIS AWS Foundations Benchmark v4.0.0/4.2", "CIS AWS Foundations Benchmark v5.0.0/4.2", "CIS AWS Foundations Benchmark v6.0.0/5.2",
        ]);
        fail.GetProperty("ProductFields").GetProperty("tocsin/SecurityHubControl").GetString().ShouldBe("CloudWatch.3");
        fail.GetProperty("Severity").GetProperty("Label").GetString().ShouldBe("HIGH");
        fail.GetProperty("Workflow").GetProperty("Status").GetString().ShouldBe("NEW");
        fail.GetProperty("Remediation").GetProperty("Recommendation").GetProperty("Text").GetString()
            .ShouldBe("Run: tocsin remediate --accounts 222222222222 --controls console-signin-without-mfa");
        fail.GetProperty("Remediation").GetProperty("Recommendation").GetProperty("Url").GetString()
            .ShouldBe("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html");
    }

    [Fact]
    public void A_pass_is_informational_passed_and_resolved()
    {
        var pass = FindingOf(SampleRuns.Mixed(), "444444444444");

        pass.GetProperty("Severity").GetProperty("Label").GetString().ShouldBe("INFORMATIONAL");
        pass.GetProperty("Compliance").GetProperty("Status").GetString().ShouldBe("PASSED");
        pass.GetProperty("Workflow").GetProperty("Status").GetString().ShouldBe("RESOLVED");
        pass.GetProperty("ProductFields").GetProperty("tocsin/Verdict").GetString().ShouldBe("tuned");
        pass.GetProperty("ProductFields").GetProperty("tocsin/PatternMissed").GetString().ShouldBe("root-no-mfa");
    }

    [Fact]
    public void The_broken_link_is_the_first_resource_and_the_account_is_always_named()
    {
        var hostile = FindingOf(SampleRuns.Mixed(), "555555555555").GetProperty("Resources").EnumerateArray().ToList();
        var regionless = FindingOf(SampleRuns.Mixed(), "333333333333").GetProperty("Resources").EnumerateArray().ToList();

        hostile.Select(r => r.GetProperty("Type").GetString()).ShouldBe(["AwsCloudWatchAlarm", "AwsCloudTrailTrail", "AwsLogsLogGroup", "Other", "AwsAccount"]);
        hostile[0].GetProperty("Id").GetString().ShouldBe("arn:aws:cloudwatch:us-east-1:555555555555:alarm:<img src=x onerror=alert(1)>");
        hostile[0].GetProperty("Details").GetProperty("Other").GetProperty("tocsin/State").GetString().ShouldBe("broken");
        hostile[4].GetProperty("Id").GetString().ShouldBe("AWS::::Account:555555555555");
        regionless.Single().GetProperty("Type").GetString().ShouldBe("AwsAccount");
        regionless.Single().GetProperty("Id").GetString().ShouldBe("AWS::::Account:333333333333");
    }

    [Fact]
    public void A_long_message_is_cut_to_the_description_limit_without_splitting_a_character()
    {
        var message = new string('a', 1022) + "😀 and more";
        var run = RunResult.Of([SampleRuns.Fail with { Message = message }]);

        var description = Request(run).GetProperty("Findings")[0].GetProperty("Description").GetString()!;

        description.Length.ShouldBeLessThanOrEqualTo(1024);
        description.ShouldEndWith("…");
        char.IsHighSurrogate(description[^2]).ShouldBeFalse();
        Format.CheckRequest(Request(run)).ShouldBeEmpty();
    }

    [Fact]
    public void Text_that_fits_is_kept_and_a_cut_never_splits_a_surrogate_pair()
    {
        TextLimit.Fit("short", 5).ShouldBe("short");
        TextLimit.Fit("abc😀def", 5).ShouldBe("abc…");
        TextLimit.Fit("abcd😀f", 6).ShouldBe("abcd…");
    }

    [Fact]
    public void Findings_are_in_report_order_and_the_same_run_writes_the_same_bytes()
    {
        var reordered = RunResult.Of(SampleRuns.Mixed().Findings.Reverse(), [SampleRuns.ExpiredException]);

        Text(reordered).ShouldBe(Text(SampleRuns.Mixed()));
        Request(SampleRuns.Mixed()).GetProperty("Findings").EnumerateArray().Select(f => f.GetProperty("AwsAccountId").GetString())
            .ShouldBe(SampleRuns.Mixed().Findings.Select(f => f.AccountId));
    }
}
