namespace Tocsin.Reports;

/// <summary>The report formats this build writes, by the name users pass to <c>--format</c>.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<string> Formats { get; } = ["text", "json"];

    /// <summary>The writer for <paramref name="format"/>, or null when the format is not one of <see cref="Formats"/>.</summary>
    /// <param name="colour">True when the output is a terminal: the text report is then coloured.</param>
    /// <param name="width">Columns the text report is laid out in: no line is longer.</param>
    public static IReportWriter? Create(string format, bool colour = false, int width = TextReportWriter.DefaultWidth) => format switch
    {
        "text" => new TextReportWriter(colour, width),
        "json" => new JsonReportWriter(),
        _ => null,
    };
}
