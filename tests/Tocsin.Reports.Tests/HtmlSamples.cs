using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Tocsin.Core.Findings;
using Tocsin.Reports.Html;

namespace Tocsin.Reports.Tests;

/// <summary>The context the HTML tests write with, and the written page parsed as a browser's HTML5 parser would.</summary>
internal static class HtmlSamples
{
    /// <summary>A fixed time and version, and a remedy for every failing finding, so pages compare byte for byte.</summary>
    public static ReportContext Context { get; } = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero))
    {
        ToolVersion = "1.0.0",
        Remedies = finding => new Remedy(
            [$"Subscribe the security team to the topic of {finding.ControlId}'s alarm and confirm the subscription."],
            $"aws sns subscribe --topic-arn arn:aws:sns:us-east-1:{finding.AccountId}:security-alarms --protocol email --notification-endpoint security@example.com"),
    };

    public static string Write(RunResult run, ReportContext? context = null)
    {
        var output = new StringWriter();
        new HtmlReportWriter(context ?? Context).Write(run, output);
        return output.ToString();
    }

    public static IHtmlDocument Parse(string page) => new HtmlParser().ParseDocument(page);

    public static IHtmlDocument Page(RunResult run, ReportContext? context = null) => Parse(Write(run, context));
}
