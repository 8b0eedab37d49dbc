using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Tests;

public class JunitReportWriterTests
{
    private static readonly ReportContext Context = new(new DateTimeOffset(2026, 12, 6, 10, 30, 0, TimeSpan.FromHours(1)));

    private static string Write(RunResult run, ReportContext? context = null)
    {
        var output = new StringWriter();
        new JunitReportWriter(context ?? Context).Write(run, output);
        return output.ToString();
    }

    private static XElement Root(RunResult run, ReportContext? context = null) => XDocument.Parse(Write(run, context)).Root!;

    private static XElement Case(RunResult run, string name) =>
        Root(run).Descendants("testcase").Single(testcase => (string?)testcase.Attribute("name") == name);

    private static int Count(XElement element, string name) => int.Parse((string)element.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every error and warning the schema reports, one per line; a root it does not declare is a warning, so warnings count.</summary>
    private static List<string> Problems(string xml, string schema)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, RepositoryFiles.Fixture("schemas", schema));
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, args) =>
            problems.Add($"{schema} line {args.Exception.LineNumber}: {args.Severity}: {args.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    public static TheoryData<string> Schemas => ["junit.xsd", "junit-jenkins-xunit-10.xsd"];

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_kind_of_run_is_valid_against_the_schema(string schema)
    {
        var runs = new Dictionary<string, (RunResult Run, ReportContext Context)>
        {
            ["mixed"] = (SampleRuns.Mixed(), Context),
            ["hostile"] = (HostileSamples.All(), Context),
            ["code"] = (SampleRuns.Iac(), Context with { Source = ReportSource.InfrastructureCode }),
            ["empty"] = (RunResult.Of([]), Context),
        };

        var problems = runs.SelectMany(run => Problems(Write(run.Value.Run, run.Value.Context), schema).Select(problem => $"{run.Key}: {problem}")).ToList();

        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    [Fact]
    public void The_strict_schema_rejects_a_suite_without_its_required_children()
    {
        // Guards the validation itself: a report missing what Ant requires must not pass.
        var broken = Write(SampleRuns.Run()).Replace("<system-out />", "", StringComparison.Ordinal);

        Problems(broken, "junit.xsd").ShouldNotBeEmpty();
    }

    [Fact]
    public void Each_control_is_a_suite_named_with_its_title_and_each_account_and_region_a_test_case()
    {
        var suites = Root(SampleRuns.Mixed()).Elements("testsuite").ToList();

        suites.Select(suite => (string?)suite.Attribute("name")).ShouldBe(
            ["console-signin-without-mfa: Alarm on Management Console sign-in without MFA", "root-account-usage: Alarm on any use of the root user"]);
        suites.Select(suite => (string?)suite.Attribute("id")).ShouldBe(["0", "1"]);
        suites[0].Elements("testcase").Select(testcase => ((string?)testcase.Attribute("classname"), (string?)testcase.Attribute("name"))).ShouldBe(
        [
            ("111111111111", "console-signin-without-mfa in 111111111111/us-east-1"),
            ("222222222222", "console-signin-without-mfa in 222222222222/us-east-1"),
            ("333333333333", "console-signin-without-mfa in 333333333333"),
            ("444444444444", "console-signin-without-mfa in 444444444444/eu-west-1"),
        ]);
    }

    [Fact]
    public void A_fail_is_a_failure_typed_with_its_reason_and_an_undecided_finding_an_error()
    {
        var run = RunResult.Of([SampleRuns.Fail, HostileSamples.OpenError]);

        var failure = Case(run, "console-signin-without-mfa in 222222222222/us-east-1").Elements().Single();
        var error = Case(run, "console-signin-without-mfa in 444444444444").Elements().Single();

        failure.Name.LocalName.ShouldBe("failure");
        ((string?)failure.Attribute("type")).ShouldBe("no-confirmed-subscription");
        ((string?)failure.Attribute("message")).ShouldBe(SampleRuns.Fail.Message);
        error.Name.LocalName.ShouldBe("error");
        ((string?)error.Attribute("type")).ShouldBe("access-denied");
        ((string?)error.Attribute("message")).ShouldBe("could not read the account: sts:AssumeRole denied");
    }

    [Fact]
    public void A_failure_tells_the_message_the_chain_link_by_link_and_the_fix()
    {
        var text = Case(SampleRuns.Mixed(), "root-account-usage in 555555555555/us-east-1").Element("failure")!.Value;

        text.ShouldStartWith(SampleRuns.Hostile.Message + "\n");
        text.ShouldContain("held         metric filter  metric-filter:=HYPERLINK(\"http://x\")/root");
        text.ShouldContain("broken       alarm          arn:aws:cloudwatch:us-east-1:555555555555:alarm:<img src=x onerror=alert(1)>");
        text.ShouldContain("not-reached  topic          -");
        text.ShouldContain("fix: tocsin remediate --accounts 555555555555 --controls root-account-usage");
    }

    [Fact]
    public void A_failure_on_code_names_the_files_and_lines_and_no_command()
    {
        var text = Root(SampleRuns.Iac(), Context with { Source = ReportSource.InfrastructureCode }).Descendants("failure").Single().Value;

        text.ShouldContain("defined at infra/monitoring/filters.tf:3-13: metric-filter:trail-logs/signin-no-mfa");
        text.ShouldNotContain("fix:");
    }

    [Fact]
    public void A_suppressed_finding_is_skipped_with_the_exception_owner_and_expiry()
    {
        var skipped = Case(SampleRuns.Mixed(), "console-signin-without-mfa in 333333333333").Elements().Single();

        skipped.Name.LocalName.ShouldBe("skipped");
        ((string?)skipped.Attribute("message")).ShouldBe("suppressed by exception exceptions.yaml:2, owner security@example.com, until 2027-03-31: Sandbox account, closed in March");
        skipped.Value.ShouldStartWith("ERROR: could not read the account");
    }

    [Fact]
    public void A_pass_is_an_empty_test_case()
    {
        Case(SampleRuns.Mixed(), "console-signin-without-mfa in 111111111111/us-east-1").HasElements.ShouldBeFalse();
    }

    [Fact]
    public void The_counts_of_each_suite_are_its_test_cases_and_add_up_to_the_run_totals()
    {
        var run = HostileSamples.All();
        var suites = Root(run).Elements("testsuite").ToList();

        foreach (var suite in suites)
        {
            var cases = suite.Elements("testcase").ToList();
            Count(suite, "tests").ShouldBe(cases.Count);
            Count(suite, "failures").ShouldBe(cases.Count(c => c.Element("failure") is not null));
            Count(suite, "errors").ShouldBe(cases.Count(c => c.Element("error") is not null));
            Count(suite, "skipped").ShouldBe(cases.Count(c => c.Element("skipped") is not null));
        }

        suites.Sum(suite => Count(suite, "tests")).ShouldBe(run.Findings.Count);
        suites.Sum(suite => Count(suite, "failures")).ShouldBe(run.Summary.Fail);
        suites.Sum(suite => Count(suite, "errors")).ShouldBe(run.Summary.Error);
        suites.Sum(suite => Count(suite, "skipped")).ShouldBe(run.Summary.Suppressed);
    }

    [Fact]
    public void Each_suite_is_stamped_with_the_run_time_in_UTC_the_tool_version_and_the_source()
    {
        var suite = Root(SampleRuns.Run(), Context with { Source = ReportSource.Snapshot }).Element("testsuite")!;
        var properties = suite.Element("properties")!.Elements("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string?)p.Attribute("value"));

        ((string?)suite.Attribute("timestamp")).ShouldBe("2026-12-06T09:30:00");
        ((string?)suite.Attribute("hostname")).ShouldBe("tocsin");
        ((string?)suite.Attribute("time")).ShouldBe("0");
        properties["tocsin.version"].ShouldBe(ToolInfo.Version);
        properties["tocsin.source"].ShouldBe("snapshot");
        properties["control.severity"].ShouldBe("high");
        properties["control.aliases"]!.ShouldContain("securityhub:CloudWatch.3");
    }

    [Fact]
    public void Hostile_names_are_escaped_and_read_back_as_written()
    {
        var xml = Write(SampleRuns.Mixed());
        var failure = XDocument.Parse(xml).Descendants("failure").Single(f => ((string?)f.Attribute("type")) == "alarm-no-action");

        xml.ShouldNotContain("<img");
        XDocument.Parse(xml).Descendants("img").ShouldBeEmpty();
        ((string?)failure.Attribute("message")).ShouldBe("alarm <img src=x onerror=alert(1)> notifies nobody: it has no SNS alarm action");
    }

    [Fact]
    public void Control_characters_from_AWS_become_replacement_characters_and_the_document_still_parses()
    {
        var failure = Root(RunResult.Of([HostileSamples.ControlCharacters])).Descendants("failure").Single();

        ((string?)failure.Attribute("message")).ShouldBe("alarm \uFFFD[2J\uFFFD[31mred\uFFFD with \uFFFD inside");
    }

    [Fact]
    public void Expired_exceptions_are_told_in_the_suite_of_their_control()
    {
        var suites = Root(SampleRuns.Mixed()).Elements("testsuite").ToList();

        suites[1].Element("system-err")!.Value.ShouldBe(
            "Expired exception exceptions.yaml:9: root-account-usage for 111111111111, owner platform@example.com, expired 2026-01-31; it suppresses nothing.");
        suites[0].Element("system-err")!.Value.ShouldBeEmpty();
    }

    [Fact]
    public void The_same_run_writes_the_same_bytes()
    {
        Write(SampleRuns.Mixed()).ShouldBe(Write(RunResult.Of([.. SampleRuns.Mixed().Findings.Reverse()], [SampleRuns.ExpiredException])));
    }
}
