namespace Tocsin.Reports;

/// <summary>The report formats this build writes, by the name users pass to <c>--format</c>.</summary>
public static class ReportWriters
{
    private static readonly (string Format, string Extension, Func<ReportContext, IReportWriter> Create)[] All =
    [
        ("text", "txt", context => new TextReportWriter(context)),
        ("json", "json", _ => new JsonReportWriter()),
        ("sarif", "sarif", context => new Sarif.SarifReportWriter(context)),
        ("ocsf", "ocsf.json", context => new Ocsf.OcsfReportWriter(context)),
        ("asff", "asff.json", context => new Asff.AsffReportWriter(context)),
        ("csv", "csv", context => new CsvReportWriter(context)),
        ("junit", "junit.xml", context => new JunitReportWriter(context)),
        ("html", "html", context => new Html.HtmlReportWriter(context)),
    ];

    public static IReadOnlyList<string> Formats { get; } = [.. All.Select(entry => entry.Format)];

    /// <summary>The writer for <paramref name="format"/>, or null when the format is not one of <see cref="Formats"/>.</summary>
    public static IReportWriter? Create(string format, ReportContext context)
    {
        foreach (var entry in All)
        {
            if (entry.Format == format)
            {
                return entry.Create(context);
            }
        }

        return null;
    }

    /// <summary>The file name extension a report of this format is written with in an output directory, e.g. <c>sarif</c>.</summary>
    public static string Extension(string format) => All.FirstOrDefault(entry => entry.Format == format).Extension ?? format;
}
