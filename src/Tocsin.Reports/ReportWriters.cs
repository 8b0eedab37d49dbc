namespace Tocsin.Reports;

/// <summary>The report formats this build writes, by the name users pass to <c>--format</c>.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<string> Formats { get; } = ["text", "json"];

    /// <summary>The writer for <paramref name="format"/>, or null when the format is not one of <see cref="Formats"/>.</summary>
    /// <param name="terminal">True when the output is a terminal: the text report is then coloured and fitted to <paramref name="terminalWidth"/>.</param>
    public static IReportWriter? Create(string format, bool terminal = false, int terminalWidth = 120) => format switch
    {
        "text" => terminal ? new TextReportWriter(colour: true, width: terminalWidth) : new TextReportWriter(),
        "json" => new JsonReportWriter(),
        _ => null,
    };
}
