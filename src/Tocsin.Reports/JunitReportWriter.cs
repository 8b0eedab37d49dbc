using System.Globalization;
using System.Text;
using System.Xml;
using Tocsin.Core.Controls;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Reports;

/// <summary>
/// JUnit XML for CI test views (GitLab, Jenkins, GitHub test reporters): one <c>&lt;testsuite&gt;</c> per control,
/// so a suite's counts say in how many accounts the control fails; one <c>&lt;testcase&gt;</c> per account and
/// region, its <c>classname</c> the account, so views that list or group by class show the accounts. A fail is a
/// <c>&lt;failure&gt;</c>, a finding that could not be decided an <c>&lt;error&gt;</c>, a suppressed one
/// <c>&lt;skipped&gt;</c> with its exception; a pass is an empty test case. Every attribute and element the strict
/// Ant schema requires is written, so the file passes both it and Jenkins' lenient one.
/// </summary>
public sealed class JunitReportWriter(ReportContext context) : IReportWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
    };

    public string Format => "junit";

    public void Write(RunResult result, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            var suites = result.Findings.GroupBy(finding => finding.ControlId).OrderBy(suite => suite.Key, StringComparer.Ordinal).ToList();
            var notes = result.Summary.ExpiredExceptions.ToLookup(entry => SuiteOf(entry, suites.Select(suite => suite.Key).ToList()), ExpiredLine);
            for (var id = 0; id < suites.Count; id++)
            {
                WriteSuite(xml, id, suites[id].Key, [.. suites[id]], [.. notes[suites[id].Key]]);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    private void WriteSuite(XmlWriter xml, int id, string controlId, IReadOnlyList<Finding> findings, IReadOnlyList<string> notes)
    {
        var control = ControlCatalog.Default.Find(controlId);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(control is null ? controlId : $"{controlId}: {control.Title}"));
        xml.WriteAttributeString("package", Clean(controlId));
        xml.WriteAttributeString("id", id.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("timestamp", context.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("hostname", "tocsin");
        WriteCount(xml, "tests", findings.Count);
        WriteCount(xml, "failures", findings.Count(f => !f.Suppressed && f.Outcome == Outcome.Fail));
        WriteCount(xml, "errors", findings.Count(f => !f.Suppressed && f.Outcome == Outcome.Error));
        WriteCount(xml, "skipped", findings.Count(f => f.Suppressed));
        xml.WriteAttributeString("time", "0");

        xml.WriteStartElement("properties");
        WriteProperty(xml, "tocsin.version", context.ToolVersion);
        WriteProperty(xml, "tocsin.source", SourceName(context.Source));
        WriteProperty(xml, "control.id", controlId);
        if (control is not null)
        {
            WriteProperty(xml, "control.title", control.Title);
            WriteProperty(xml, "control.severity", control.Severity.ToString().ToLowerInvariant());
            WriteProperty(xml, "control.aliases", string.Join(' ', control.Aliases));
        }

        xml.WriteEndElement();

        foreach (var finding in findings)
        {
            WriteCase(xml, finding);
        }

        xml.WriteElementString("system-out", "");
        xml.WriteElementString("system-err", Clean(string.Join('\n', notes)));
        xml.WriteEndElement();
    }

    private void WriteCase(XmlWriter xml, Finding finding)
    {
        xml.WriteStartElement("testcase");
        var where = finding.Region is null ? finding.AccountId : $"{finding.AccountId}/{finding.Region}";
        xml.WriteAttributeString("name", Clean($"{finding.ControlId} in {where}"));
        xml.WriteAttributeString("classname", Clean(finding.AccountId));
        xml.WriteAttributeString("time", "0");
        if (finding.SuppressedBy is { } exception)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString(
                "message",
                Clean($"suppressed by exception {exception.File}:{exception.Line}, owner {exception.Owner}, until {exception.Expires:yyyy-MM-dd}: {exception.Reason}"));
            xml.WriteString(Clean($"{finding.Outcome.ToCode().ToUpperInvariant()}: {Details(finding)}"));
            xml.WriteEndElement();
        }
        else if (finding.Outcome != Outcome.Pass)
        {
            xml.WriteStartElement(finding.Outcome == Outcome.Fail ? "failure" : "error");
            xml.WriteAttributeString("message", Clean(finding.Message));
            xml.WriteAttributeString("type", Clean(finding.Reasons.Count > 0 ? string.Join(',', finding.Reasons.Select(r => r.ToCode())) : finding.Outcome.ToCode()));
            xml.WriteString(Clean(Details(finding)));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>What a CI view shows under a failing test: the message, the chain link by link, and the fix.</summary>
    private string Details(Finding finding)
    {
        var text = new StringBuilder(finding.Message).Append('\n');
        if (finding.InheritedFrom is not null)
        {
            text.Append("inherits the organization trail of ").Append(finding.InheritedFrom).Append('\n');
        }

        if (finding.Reasons.Count > 0)
        {
            text.Append("reasons: ").AppendJoin(", ", finding.Reasons.Select(r => r.ToCode())).Append('\n');
        }

        if (finding.Pattern is { } pattern)
        {
            text.Append("pattern: ").Append(pattern.Text).Append('\n');
            text.Append("verdict: ").Append(finding.Verdict?.ToName() ?? "-").Append(", ").Append(pattern.Explanation).Append('\n');
        }

        text.Append("chain:\n");
        foreach (var link in ChainLinks.Of(finding))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {link.StateCode,-12} {link.Name,-14} {link.Resource ?? "-"}\n");
        }

        foreach (var location in finding.Locations ?? [])
        {
            var lines = location.StartLine is { } start ? $":{start}" + (location.EndLine is { } end && end != start ? $"-{end}" : "") : "";
            text.Append(CultureInfo.InvariantCulture, $"defined at {location.File}{lines}: {location.Link}\n");
        }

        if (context.FixCommand(finding) is { } fix)
        {
            text.Append("fix: ").Append(fix).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The suite an expired exception is told in: its control's, or the first when its control was not evaluated.</summary>
    private static string? SuiteOf(ExceptionEntry entry, IReadOnlyList<string> controls)
    {
        var id = ControlCatalog.Default.Find(entry.Control)?.Id ?? entry.Control;
        return controls.Contains(id) ? id : controls.FirstOrDefault();
    }

    private static string ExpiredLine(ExceptionEntry entry) =>
        $"Expired exception {entry.File}:{entry.Line}: {entry.Control} for {string.Join(", ", entry.Accounts)}, owner {entry.Owner}, expired {entry.Expires:yyyy-MM-dd}; it suppresses nothing.";

    private static string SourceName(ReportSource source) => source switch
    {
        ReportSource.Live => "live",
        ReportSource.Snapshot => "snapshot",
        _ => "infrastructure-code",
    };

    private static void WriteCount(XmlWriter xml, string name, int count) =>
        xml.WriteAttributeString(name, count.ToString(CultureInfo.InvariantCulture));

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    /// <summary>
    /// The text with every character XML 1.0 cannot carry (control characters such as ESC, lone surrogates) replaced
    /// by U+FFFD, so a name from AWS can neither break the document nor reach a terminal that prints it.
    /// </summary>
    internal static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return clean.ToString();
    }
}
