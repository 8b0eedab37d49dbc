using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Sql;

/// <summary>
/// The backtest as one query for the user's engine: for each pattern, how many records it matches in each period
/// of <c>periodSeconds</c> (periods aligned on the Unix epoch, in UTC), as rows
/// <c>(pattern, period_start, events)</c> in the order the patterns were given, then by period. Only periods with
/// at least one matching record appear; a record whose <c>eventTime</c> cannot be read counts in a NULL period.
/// </summary>
public static partial class BacktestSql
{
    public static string Query(IReadOnlyList<(string Name, FilterPattern Pattern)> patterns, SqlDialect dialect, string table, int periodSeconds)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(table);
        if (patterns.Count == 0)
            throw new ArgumentException("a backtest query needs at least one pattern", nameof(patterns));
        if (periodSeconds <= 0)
            throw new ArgumentOutOfRangeException(nameof(periodSeconds), periodSeconds, "the period must be at least one second");
        if (!TableName().IsMatch(table))
            throw new ArgumentException($"the table name `{table}` may hold only letters, digits, `_`, `-`, `.` and double-quoted parts", nameof(table));

        var period = PeriodStart(dialect, periodSeconds.ToString(CultureInfo.InvariantCulture));
        var query = new StringBuilder();
        query.Append("SELECT pattern, period_start, count(*) AS events\nFROM (\n");
        for (var i = 0; i < patterns.Count; i++)
        {
            var (name, pattern) = patterns[i];
            if (i > 0)
                query.Append("  UNION ALL\n");
            query.Append(CultureInfo.InvariantCulture, $"  SELECT {i} AS pattern_order, {SqlText.Literal(name)} AS pattern, {period} AS period_start\n")
                .Append(CultureInfo.InvariantCulture, $"  FROM {table}\n")
                .Append(CultureInfo.InvariantCulture, $"  WHERE {PatternSql.Compile(pattern, dialect)}\n");
        }

        query.Append(") AS matched\nGROUP BY pattern_order, pattern, period_start\nORDER BY pattern_order, period_start");
        return query.ToString();
    }

    /// <summary>The start of the record's period, as a UTC timestamp.</summary>
    private static string PeriodStart(SqlDialect dialect, string seconds) => dialect switch
    {
        SqlDialect.DuckDb =>
            $"make_timestamp(CAST(floor(epoch(TRY_CAST(json_extract_string(record, '$.eventTime') AS TIMESTAMPTZ)) / {seconds}) * {seconds} AS BIGINT) * 1000000)",
        SqlDialect.Athena =>
            $"from_unixtime(floor(to_unixtime(try(from_iso8601_timestamp(eventtime))) / {seconds}) * {seconds})",
        SqlDialect.CloudTrailLake =>
            $"from_unixtime(floor(to_unixtime(eventtime) / {seconds}) * {seconds})",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown SQL dialect"),
    };

    [GeneratedRegex("""^([A-Za-z0-9_\-]+|"[^"]+")(\.([A-Za-z0-9_\-]+|"[^"]+"))*$""", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
