using System.Globalization;

namespace Tocsin.Dashboard.Pages;

/// <summary>The dashboard's URLs, each value escaped as a path segment or query value (the builder then escapes the attribute).</summary>
internal static class Links
{
    public static string Matrix(string runId) => $"/?run={Uri.EscapeDataString(runId)}";

    public static string Run(string runId) => $"/runs/{Segment(runId)}";

    public static string Trend(string controlId) => $"/controls/{Segment(controlId)}";

    public static string Finding(string runId, string accountId, string controlId) =>
        $"/runs/{Segment(runId)}/accounts/{Segment(accountId)}/controls/{Segment(controlId)}";

    public static string Diff(string fromRunId, string toRunId) => $"/diff?from={Uri.EscapeDataString(fromRunId)}&to={Uri.EscapeDataString(toRunId)}";

    /// <summary>A time as every page shows it: UTC to the second.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
