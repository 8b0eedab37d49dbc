using System.Globalization;
using Tocsin.Reports.Html;

namespace Tocsin.Backtest.Results.Html;

/// <summary>Numbers as SVG coordinates and as counts in the page's text, the same in every culture.</summary>
internal static class Svg
{
    /// <summary>
    /// A shape with no content, closed by an end tag: inside <c>svg</c> an HTML parser knows no void elements, so a
    /// <c>&lt;rect&gt;</c> left open would swallow everything after it.
    /// </summary>
    public static void Shape(HtmlBuilder html, string tag, (string Name, string? Value)[] attributes) => html.Line(tag, attributes, "");

    public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Plural(long count, string word) => count == 1 ? word : word + "s";

    /// <summary>E.g. "12 events", "1 alarm period".</summary>
    public static string Counted(long count, string word) => $"{Count(count)} {Plural(count, word)}";
}
