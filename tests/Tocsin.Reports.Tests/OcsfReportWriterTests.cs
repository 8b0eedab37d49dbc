using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Core.Findings;
using Tocsin.Reports.Ocsf;

namespace Tocsin.Reports.Tests;

public class OcsfReportWriterTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReportContext Context = new(GeneratedAt);
    private static readonly OcsfComplianceFindingSchema Schema = OcsfComplianceFindingSchema.Load();

    private static string Text(RunResult run, ReportContext? context = null)
    {
        var output = new StringWriter();
        new OcsfReportWriter(context ?? Context).Write(run, output);
        return output.ToString();
    }

    private static JsonElement[] Events(RunResult run, ReportContext? context = null) =>
        [.. JsonDocument.Parse(Text(run, context)).RootElement.Clone().EnumerateArray()];

    private static JsonElement EventOf(RunResult run, string account) =>
        Events(run).Single(e => e.GetProperty("cloud").GetProperty("account").GetProperty("uid").GetString() == account);

    [Fact]
    public void Every_event_of_a_mixed_run_is_a_compliance_finding_of_ocsf_1_8_0()
    {
        var events = Events(SampleRuns.Mixed());

        events.Length.ShouldBe(SampleRuns.Mixed().Findings.Count);
        foreach (var ev in events)
        {
            Schema.Check(ev).ShouldBeEmpty(ev.GetProperty("finding_info").GetProperty("uid_alt").GetString());
        }
    }

    [Fact]
    public void Every_event_of_a_run_on_code_is_a_compliance_finding_of_ocsf_1_8_0()
    {
        var context = Context with { Source = ReportSource.InfrastructureCode };

        foreach (var ev in Events(SampleRuns.Iac(), context))
        {
            Schema.Check(ev).ShouldBeEmpty();
        }
    }

    [Fact]
    public void The_schema_check_rejects_an_event_that_breaks_the_class()
    {
        var ev = JsonNode.Parse(Events(SampleRuns.Run())[1].GetRawText())!.AsObject();
        ev.Remove("compliance");
        ev["severity_id"] = 7;
        ev["type_uid"] = 200302;
        ev["colour"] = "red";
        ev["cloud"]!.AsObject().Remove("provider");
        ev["metadata"]!["product"] = new JsonObject { ["vendor_name"] = "Tocsin" };
        ev["resources"]![0]!["role_id"] = "Target";
        ev["status"] = "Open";

        var errors = Schema.Check(JsonDocument.Parse(ev.ToJsonString()).RootElement);

        errors.ShouldContain(e => e.Contains("'compliance' is missing", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("$.severity_id: 7 is not one of the enum values", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("$.type_uid: 200302 is not class_uid * 100 + activity_id", StringComparison.Ordinal));
        errors.ShouldContain("$.colour: not an attribute here");
        errors.ShouldContain("$.cloud: the required attribute 'provider' is missing");
        errors.ShouldContain("$.metadata.product: needs at least one of name, uid");
        errors.ShouldContain(e => e.StartsWith("$.resources[0].role_id: is an integer", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("$.status_id: its sibling status is 'Open'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_check_rejects_a_cloud_attribute_without_the_cloud_profile()
    {
        var ev = JsonNode.Parse(Events(SampleRuns.Run())[0].GetRawText())!.AsObject();
        ev["metadata"]!["profiles"] = new JsonArray();

        Schema.Check(JsonDocument.Parse(ev.ToJsonString()).RootElement)
            .ShouldContain("$.cloud: belongs to the profile 'cloud', which metadata.profiles does not list");
    }

    [Fact]
    public void An_event_is_a_compliance_finding_created_at_the_time_of_the_run()
    {
        var ev = EventOf(SampleRuns.Run(), "222222222222");

        ev.GetProperty("class_uid").GetInt32().ShouldBe(2003);
        ev.GetProperty("category_uid").GetInt32().ShouldBe(2);
        ev.GetProperty("activity_id").GetInt32().ShouldBe(1);
        ev.GetProperty("type_uid").GetInt64().ShouldBe(200301);
        ev.GetProperty("time").GetInt64().ShouldBe(GeneratedAt.ToUnixTimeMilliseconds());
        ev.GetProperty("metadata").GetProperty("version").GetString().ShouldBe("1.8.0");
        ev.GetProperty("metadata").GetProperty("product").GetProperty("name").GetString().ShouldBe("Tocsin");
        ev.GetProperty("cloud").GetProperty("provider").GetString().ShouldBe("AWS");
        ev.GetProperty("cloud").GetProperty("region").GetString().ShouldBe("us-east-1");
    }

    [Fact]
    public void A_failing_finding_carries_the_control_severity_its_frameworks_and_the_fix_command()
    {
        var ev = EventOf(SampleRuns.Run(), "222222222222");

        ev.GetProperty("severity").GetString().ShouldBe("High");
        ev.GetProperty("status").GetString().ShouldBe("New");
        var compliance = ev.GetProperty("compliance");
        compliance.GetProperty("control").GetString().ShouldBe(SampleRuns.Seed);
        compliance.GetProperty("status").GetString().ShouldBe("Fail");
        compliance.GetProperty("status_code").GetString().ShouldBe("no-confirmed-subscription");
        compliance.GetProperty("standards").EnumerateArray().Select(s => s.GetString()).ShouldContain("CIS AWS Foundations Benchmark v1.2.0");
        compliance.GetProperty("requirements").EnumerateArray().Select(s => s.GetString())
            .ShouldContain("CIS AWS Foundations Benchmark v6.0.0/5.2");
        ev.GetProperty("remediation").GetProperty("desc").GetString()!
            .ShouldContain("tocsin remediate --accounts 222222222222 --controls console-signin-without-mfa");
    }

    [Fact]
    public void A_suppressed_finding_is_suppressed_and_names_its_exception()
    {
        var ev = EventOf(SampleRuns.Run(), "333333333333");

        ev.GetProperty("status_id").GetInt32().ShouldBe(3);
        ev.GetProperty("status").GetString().ShouldBe("Suppressed");
        ev.GetProperty("comment").GetString().ShouldBe(
            "Suppressed by the exception at exceptions.yaml:2 until 2027-03-31, owner security@example.com: Sandbox account, closed in March");
        ev.GetProperty("unmapped").GetProperty("tocsin").GetProperty("exception").GetProperty("owner").GetString().ShouldBe("security@example.com");
    }

    [Fact]
    public void An_error_finding_has_the_compliance_status_ocsf_defines_for_a_check_without_a_result()
    {
        var ev = EventOf(SampleRuns.Run(), "333333333333");
        var statusId = ev.GetProperty("compliance").GetProperty("status_id").GetInt32();
        var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Fixture("schemas", "ocsf-compliance-finding.json"))).RootElement;
        var meaning = schema.GetProperty("objects").GetProperty("compliance").GetProperty("attributes").GetProperty("status_id")
            .GetProperty("enum").GetProperty(statusId.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty("description").GetString();

        meaning.ShouldBe("The compliance check did not yield a result due to missing information.");
        ev.GetProperty("compliance").GetProperty("status").GetString().ShouldBe("Warning");
        ev.GetProperty("unmapped").GetProperty("tocsin").GetProperty("reasons")[0].GetString().ShouldBe("access-denied");
    }

    [Fact]
    public void A_pass_is_informational_and_resolved()
    {
        var ev = EventOf(SampleRuns.Run(), "111111111111");

        ev.GetProperty("severity_id").GetInt32().ShouldBe(1);
        ev.GetProperty("status").GetString().ShouldBe("Resolved");
        ev.GetProperty("compliance").GetProperty("status").GetString().ShouldBe("Pass");
        ev.TryGetProperty("remediation", out _).ShouldBeFalse();
    }

    [Fact]
    public void The_finding_uid_is_the_same_in_every_run_and_differs_per_account_control_and_region()
    {
        var first = Events(SampleRuns.Mixed()).Select(e => e.GetProperty("finding_info").GetProperty("uid").GetString()).ToList();
        var later = Events(SampleRuns.Mixed(), Context with { GeneratedAt = GeneratedAt.AddDays(1) })
            .Select(e => e.GetProperty("finding_info").GetProperty("uid").GetString()).ToList();

        later.ShouldBe(first);
        first.Distinct().Count().ShouldBe(first.Count);
        var moved = SampleRuns.Pass with { Region = "eu-west-1" };
        OcsfFindingUid.Of(moved).ShouldNotBe(OcsfFindingUid.Of(SampleRuns.Pass));
    }

    [Fact]
    public void The_broken_link_is_the_target_resource_with_its_aws_type()
    {
        var resources = EventOf(SampleRuns.Mixed(), "555555555555").GetProperty("resources").EnumerateArray().ToList();

        var target = resources[0];
        target.GetProperty("uid").GetString().ShouldBe("arn:aws:cloudwatch:us-east-1:555555555555:alarm:<img src=x onerror=alert(1)>");
        target.GetProperty("type").GetString().ShouldBe("AWS::CloudWatch::Alarm");
        target.GetProperty("role").GetString().ShouldBe("Target");
        target.GetProperty("data").GetProperty("state").GetString().ShouldBe("broken");
        resources.Select(r => r.GetProperty("type").GetString()).ShouldBe(
            ["AWS::CloudWatch::Alarm", "AWS::CloudTrail::Trail", "AWS::Logs::LogGroup", "AWS::Logs::MetricFilter", "AWS::::Account"]);
        resources.Skip(1).ShouldAllBe(r => r.GetProperty("role").GetString() == "Related");
    }

    [Fact]
    public void A_finding_on_code_gives_each_resource_its_file_and_lines()
    {
        var ev = Events(SampleRuns.Iac(), Context with { Source = ReportSource.InfrastructureCode }).Single();
        var filter = ev.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "AWS::Logs::MetricFilter");

        filter.GetProperty("name").GetString().ShouldBe("signin-no-mfa");
        filter.GetProperty("data").GetProperty("file").GetString().ShouldBe("infra/monitoring/filters.tf");
        filter.GetProperty("data").GetProperty("start_line").GetInt32().ShouldBe(3);
        ev.GetProperty("remediation").GetProperty("desc").GetString()!.ShouldContain("infra/monitoring/filters.tf lines 3-13");
        ev.GetProperty("finding_info").GetProperty("data_sources")[0].GetString().ShouldBe("infrastructure code");
    }

    [Fact]
    public void A_tuned_pass_keeps_its_verdict_and_the_populations_it_drops()
    {
        var tocsin = EventOf(SampleRuns.Mixed(), "444444444444").GetProperty("unmapped").GetProperty("tocsin");

        tocsin.GetProperty("verdict").GetString().ShouldBe("tuned");
        tocsin.GetProperty("pattern").GetProperty("missed").EnumerateArray().Select(p => p.GetString()).ShouldBe(["root-no-mfa"]);
    }

    [Fact]
    public void Events_are_in_report_order_and_the_same_run_writes_the_same_bytes()
    {
        var reordered = RunResult.Of(SampleRuns.Mixed().Findings.Reverse(), [SampleRuns.ExpiredException]);

        Text(reordered).ShouldBe(Text(SampleRuns.Mixed()));
        Events(SampleRuns.Mixed()).Select(e => e.GetProperty("cloud").GetProperty("account").GetProperty("uid").GetString())
            .ShouldBe(SampleRuns.Mixed().Findings.Select(f => f.AccountId));
    }

    [Fact]
    public void Names_from_aws_stay_inside_json_strings()
    {
        var text = Text(SampleRuns.Mixed());

        text.ShouldNotContain("<img");
        JsonDocument.Parse(text).RootElement.GetRawText().ShouldNotBeEmpty();
        EventOf(SampleRuns.Mixed(), "555555555555").GetProperty("message").GetString().ShouldBe(SampleRuns.Hostile.Message);
    }
}
