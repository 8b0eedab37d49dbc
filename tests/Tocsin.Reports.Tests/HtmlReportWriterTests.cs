using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Tocsin.Core.Controls;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Tests;

public class HtmlReportWriterTests
{
    private const string HostileMarkup = "<img src=x onerror=alert(1)>";

    private static IHtmlDocument Mixed => HtmlSamples.Page(SampleRuns.Mixed());

    /// <summary>The documentation pages the catalog's controls cite: the only addresses outside the page it may link to.</summary>
    private static readonly HashSet<string> CitedPages =
        [.. ControlCatalog.Default.All.SelectMany(control => control.References).Select(reference => reference.Url).OfType<string>()];

    private static IElement Cell(IDocument page, string account, string control)
    {
        var columns = page.QuerySelectorAll("table.matrix thead th").Select(th => th.TextContent.Trim()).ToList();
        var row = page.QuerySelectorAll("table.matrix tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == account);
        return row.Children[columns.IndexOf(control)];
    }

    private static IElement FindingSection(IDocument page, string account, string control) =>
        page.QuerySelectorAll("section.finding").Single(section =>
            section.Id!.StartsWith($"finding-{account}-{control}-", StringComparison.Ordinal));

    [Fact]
    public void Names_from_AWS_that_hold_markup_show_as_text_and_open_no_element()
    {
        var page = Mixed;

        page.QuerySelectorAll("img").Length.ShouldBe(0);
        page.QuerySelectorAll("[onerror]").Length.ShouldBe(0);
        page.Body!.TextContent.ShouldContain(HostileMarkup);
        FindingSection(page, "555555555555", "root-account-usage").QuerySelector("ol.chain li.broken code")!.TextContent
            .ShouldBe("arn:aws:cloudwatch:us-east-1:555555555555:alarm:" + HostileMarkup);
    }

    [Fact]
    public void The_content_security_policy_forbids_scripts_and_remote_loads_and_allows_only_the_page_style()
    {
        var page = Mixed;

        var policy = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(directive => directive.Split(' ')[0], directive => directive.Split(' ')[1..]);
        directives["default-src"].ShouldBe(["'none'"]);
        directives["script-src"].ShouldBe(["'none'"]);
        directives["img-src"].ShouldBe(["data:"]);
        policy.ShouldNotContain("http");
        policy.ShouldNotContain("*");
        var style = page.QuerySelectorAll("style").ShouldHaveSingleItem().TextContent;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        directives["style-src"].ShouldBe([$"'sha256-{hash}'"]);
    }

    [Fact]
    public void The_page_references_no_resource_outside_itself()
    {
        var page = Mixed;

        page.QuerySelectorAll("script, iframe, object, embed, img, video, audio, source, form, base").Length.ShouldBe(0);
        page.QuerySelectorAll("[src], [srcset], [style], [action], [formaction], [poster]").Length.ShouldBe(0);
        foreach (var element in page.QuerySelectorAll("[href]"))
        {
            var href = element.GetAttribute("href")!;
            var inPage = href.StartsWith('#') && page.GetElementById(href[1..]) is not null;
            var documentation = element.LocalName == "a" && element.ParentElement?.ParentElement?.ClassName == "references"
                && href.StartsWith("https://", StringComparison.Ordinal) && CitedPages.Contains(href);
            var noIcon = element.LocalName == "link" && href == "data:,";
            (inPage || documentation || noIcon).ShouldBeTrue($"<{element.LocalName} href=\"{href}\">");
        }
    }

    [Fact]
    public void Matrix_cells_are_classed_by_how_each_finding_stands_and_say_it_in_words()
    {
        var openError = SampleRuns.SuppressedError with { SuppressedBy = null, AccountId = "666666666666" };
        var page = HtmlSamples.Page(RunResult.Of([.. SampleRuns.Mixed().Findings, openError]));

        Cell(page, "111111111111", SampleRuns.Seed).ClassName.ShouldBe("pass");
        Cell(page, "222222222222", SampleRuns.Seed).ClassName.ShouldBe("fail");
        Cell(page, "333333333333", SampleRuns.Seed).ClassName.ShouldBe("suppressed");
        Cell(page, "666666666666", SampleRuns.Seed).ClassName.ShouldBe("error");
        Cell(page, "111111111111", "root-account-usage").ClassName.ShouldBe("not-evaluated");
        Cell(page, "222222222222", SampleRuns.Seed).TextContent.ShouldBe("✗ fail");
        Cell(page, "333333333333", SampleRuns.Seed).TextContent.ShouldBe("– suppressed");
        Cell(page, "666666666666", SampleRuns.Seed).TextContent.ShouldBe("! error");
        Cell(page, "111111111111", "root-account-usage").TextContent.ShouldBeEmpty();
    }

    [Fact]
    public void Matrix_headers_are_control_ids_titled_with_the_control_title()
    {
        var header = Mixed.QuerySelectorAll("table.matrix thead th.control").First();

        header.TextContent.ShouldBe(SampleRuns.Seed);
        header.GetAttribute("title").ShouldBe("Alarm on Management Console sign-in without MFA");
    }

    [Fact]
    public void Every_matrix_cell_links_to_the_section_of_its_finding()
    {
        var page = Mixed;

        var links = page.QuerySelectorAll("table.matrix td a").ToList();
        links.Count.ShouldBe(SampleRuns.Mixed().Findings.Count);
        foreach (var link in links)
        {
            var target = page.GetElementById(link.GetAttribute("href")![1..]).ShouldNotBeNull();
            target.ClassList.ShouldContain("finding");
        }

        Cell(page, "222222222222", SampleRuns.Seed).QuerySelector("a")!.GetAttribute("href")
            .ShouldBe("#finding-222222222222-console-signin-without-mfa-us-east-1");
    }

    [Fact]
    public void The_chain_of_a_failing_finding_marks_its_broken_link_and_dims_the_links_after_it()
    {
        var chain = FindingSection(Mixed, "555555555555", "root-account-usage").QuerySelectorAll("ol.chain li").ToList();

        chain.Select(link => link.ClassName).ShouldBe(["held", "held", "held", "broken", "not-reached", "not-reached"]);
        chain[3].QuerySelector(".link-name")!.TextContent.ShouldBe("✗alarm (broken)");
        chain[0].QuerySelector(".mark")!.TextContent.ShouldBe("✓");
    }

    [Fact]
    public void A_finding_that_could_not_be_read_marks_its_first_link_unseen()
    {
        var chain = FindingSection(Mixed, "333333333333", SampleRuns.Seed).QuerySelectorAll("ol.chain li").ToList();

        chain[0].ClassName.ShouldBe("unseen");
        chain[0].QuerySelector(".mark")!.TextContent.ShouldBe("?");
    }

    [Fact]
    public void A_finding_is_headed_by_its_outcome_control_title_severity_and_region()
    {
        var heading = FindingSection(Mixed, "555555555555", "root-account-usage").QuerySelector("h4")!;

        heading.QuerySelector(".badge")!.TextContent.ShouldBe("✗ fail");
        heading.QuerySelector("a")!.TextContent.ShouldBe("Alarm on any use of the root user");
        heading.QuerySelector(".muted")!.TextContent.ShouldBe("high severity · us-east-1");
    }

    [Fact]
    public void A_suppressed_finding_carries_the_exception_owner_reason_expiry_and_source()
    {
        var exception = FindingSection(Mixed, "333333333333", SampleRuns.Seed).QuerySelector(".exception")!.TextContent;

        exception.ShouldContain("security@example.com");
        exception.ShouldContain("Sandbox account, closed in March");
        exception.ShouldContain("2027-03-31");
        exception.ShouldContain("exceptions.yaml:2");
    }

    [Fact]
    public void The_summary_states_the_time_source_version_totals_and_expired_exceptions()
    {
        var page = HtmlSamples.Page(SampleRuns.Mixed(), HtmlSamples.Context with { Source = ReportSource.Snapshot });

        var summary = page.GetElementById("summary")!;
        summary.QuerySelector("time")!.GetAttribute("datetime").ShouldBe("2026-12-06T09:00:00Z");
        summary.TextContent.ShouldContain("snapshot");
        summary.TextContent.ShouldContain("Tocsin 1.0.0");
        summary.QuerySelectorAll(".totals li").Select(li => li.TextContent).ShouldBe(["✗ 2 fail", "! 0 error", "– 1 suppressed", "✓ 2 pass"]);
        var expired = summary.QuerySelector("table.expired tbody tr")!.Children.Select(td => td.TextContent).ToList();
        expired.ShouldBe(["exceptions.yaml:9", "root-account-usage", "111111111111", "us-east-1", "platform@example.com", "2026-01-31", "Migration"]);
    }

    [Fact]
    public void A_failing_finding_shows_its_remedy_and_the_fix_command_and_a_passing_one_shows_none()
    {
        var page = Mixed;

        var remedy = FindingSection(page, "222222222222", SampleRuns.Seed).QuerySelector(".remedy")!;
        remedy.QuerySelector("ol li")!.TextContent.ShouldStartWith("Subscribe the security team");
        remedy.QuerySelector("pre.commands code")!.TextContent.ShouldStartWith("aws sns subscribe --topic-arn arn:aws:sns:us-east-1:222222222222:");
        remedy.QuerySelector("pre.fix code")!.TextContent.ShouldBe("tocsin remediate --accounts 222222222222 --controls console-signin-without-mfa");
        FindingSection(page, "111111111111", SampleRuns.Seed).QuerySelector(".remedy").ShouldBeNull();
        FindingSection(page, "333333333333", SampleRuns.Seed).QuerySelector(".remedy").ShouldBeNull();
    }

    [Fact]
    public void Without_planned_remedies_a_failing_finding_still_shows_the_fix_command()
    {
        var page = HtmlSamples.Page(SampleRuns.Mixed(), HtmlSamples.Context with { Remedies = null });

        var remedy = FindingSection(page, "222222222222", SampleRuns.Seed).QuerySelector(".remedy")!;
        remedy.QuerySelector("pre.commands").ShouldBeNull();
        remedy.QuerySelector("pre.fix code")!.TextContent.ShouldStartWith("tocsin remediate --accounts 222222222222");
    }

    [Fact]
    public void A_tuned_pattern_shows_its_text_variant_and_the_populations_it_drops_as_the_catalog_describes_them()
    {
        var pattern = FindingSection(Mixed, "444444444444", SampleRuns.Seed).QuerySelector(".pattern")!;

        pattern.QuerySelector("pre code")!.TextContent.ShouldBe(SampleRuns.TunedPass.Pattern!.Text);
        pattern.TextContent.ShouldContain("Verdict: tuned: equals the accepted variant cis-strict");
        pattern.QuerySelector("p code")!.TextContent.ShouldBe("cis-strict");
        var missed = pattern.QuerySelector("ul li")!.TextContent;
        missed.ShouldStartWith("root-no-mfa: ConsoleLogin by the root user (userIdentity.type Root) with MFAUsed \"No\".");
        missed.ShouldContain("still alerted on by root-account-usage");
    }

    [Fact]
    public void A_finding_on_code_names_the_file_and_lines_of_each_link_and_no_command()
    {
        var page = HtmlSamples.Page(SampleRuns.Iac(), HtmlSamples.Context with { Source = ReportSource.InfrastructureCode });

        var section = FindingSection(page, "123456789012", SampleRuns.Seed);
        section.QuerySelectorAll("ol.chain li .where").Select(where => where.TextContent)
            .ShouldBe(["infra/trail.tf:1–12", "infra/trail.tf:14–17", "infra/monitoring/filters.tf:3–13"]);
        section.QuerySelector("ol.chain li.broken .link-name")!.TextContent.ShouldContain("metric filter");
        section.QuerySelector(".remedy pre.fix").ShouldBeNull();
        section.QuerySelector(".remedy")!.TextContent.ShouldContain("files and lines");
    }

    [Fact]
    public void Findings_are_grouped_by_account_with_the_failing_ones_first()
    {
        var failingLater = SampleRuns.Hostile with { AccountId = "111111111111" };
        var page = HtmlSamples.Page(RunResult.Of([SampleRuns.Pass, failingLater, SampleRuns.Fail]));

        var order = page.QuerySelectorAll("section.finding").Select(section => section.Id).ToList();
        order.ShouldBe(
        [
            "finding-111111111111-root-account-usage-us-east-1",
            "finding-111111111111-console-signin-without-mfa-us-east-1",
            "finding-222222222222-console-signin-without-mfa-us-east-1",
        ]);
        page.QuerySelectorAll("#findings h3").Select(h3 => h3.TextContent).ShouldBe(["Account 111111111111", "Account 222222222222"]);
    }

    [Fact]
    public void Anchor_ids_are_sanitised_and_unique_even_when_names_collide()
    {
        var odd = SampleRuns.Pass with { ControlId = "Odd <Control>", Region = "us east 1" };
        var twin = SampleRuns.Pass with { ControlId = "odd control", Region = "us-east-1" };
        var page = HtmlSamples.Page(RunResult.Of([odd, twin]));

        var ids = page.QuerySelectorAll("[id]").Select(element => element.Id!).ToList();
        ids.ShouldBeUnique();
        ids.ShouldAllBe(id => id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));
        ids.ShouldContain("finding-111111111111-odd-control-us-east-1");
        ids.ShouldContain("finding-111111111111-odd-control-us-east-1-2");
    }

    [Fact]
    public void Controls_cite_their_documentation_as_links_and_their_other_references_as_text()
    {
        var control = Mixed.GetElementById("control-console-signin-without-mfa")!;

        control.QuerySelector("h3")!.TextContent.ShouldBe("Alarm on Management Console sign-in without MFA");
        control.TextContent.ShouldContain("securityhub:CloudWatch.3");
        control.QuerySelectorAll("ul.references a").Select(a => a.GetAttribute("href")).ShouldContain(
            "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-3");
        control.QuerySelectorAll("ul.references li").Select(li => li.TextContent).ShouldContain("CCE-79187-1");
    }

    [Fact]
    public void The_page_is_a_utf8_html5_document()
    {
        var text = HtmlSamples.Write(SampleRuns.Mixed());

        text.ShouldStartWith("<!doctype html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n");
        HtmlSamples.Parse(text).Title.ShouldBe("Tocsin report: 5 accounts, 2 failing");
    }
}
