using System.Globalization;
using System.Text;
using System.Text.Json;
using Tocsin.Backtest.Sql;
using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Tests.Sql;

public sealed class BacktestSqlTests : IDisposable
{
    private readonly DuckDbRecords _records = new(TestRecords.All);

    public void Dispose() => _records.Dispose();

    [Theory]
    [InlineData(3600)]
    [InlineData(86400)]
    public void The_DuckDB_query_counts_per_period_what_the_matcher_counts(int periodSeconds)
    {
        var patterns = ControlCatalog.Default.All
            .Select(control => (control.Id, DuckDbAgreementTests.Parse(control.PrimaryReference.Pattern)))
            .ToList();

        var rows = _records.Rows(BacktestSql.Query(patterns, SqlDialect.DuckDb, "records", periodSeconds))
            .Select(row => $"{row[0]} {(row[1] is DateTime start ? start.ToString("s", CultureInfo.InvariantCulture) : "-")} {row[2]}")
            .ToList();

        rows.ShouldBe(ExpectedRows(patterns, periodSeconds));
    }

    [Fact]
    public void The_Athena_query_groups_by_period_of_eventtime_in_the_order_the_patterns_were_given()
    {
        var query = BacktestSql.Query(
            [("b-second", DuckDbAgreementTests.Parse("{ $.eventName = \"StopLogging\" }")), ("a-first", DuckDbAgreementTests.Parse("{ $.eventName = \"DeleteTrail\" }"))],
            SqlDialect.Athena, "cloudtrail_logs", 3600);

        query.ShouldBe("""
            SELECT pattern, period_start, count(*) AS events
            FROM (
              SELECT 0 AS pattern_order, 'b-second' AS pattern, from_unixtime(floor(to_unixtime(try(from_iso8601_timestamp(eventtime))) / 3600) * 3600) AS period_start
              FROM cloudtrail_logs
              WHERE coalesce((eventname IS NOT NULL AND eventname = 'StopLogging'), FALSE)
              UNION ALL
              SELECT 1 AS pattern_order, 'a-first' AS pattern, from_unixtime(floor(to_unixtime(try(from_iso8601_timestamp(eventtime))) / 3600) * 3600) AS period_start
              FROM cloudtrail_logs
              WHERE coalesce((eventname IS NOT NULL AND eventname = 'DeleteTrail'), FALSE)
            ) AS matched
            GROUP BY pattern_order, pattern, period_start
            ORDER BY pattern_order, period_start
            """.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("logs; DROP TABLE x")]
    [InlineData("")]
    public void A_table_name_that_is_not_a_plain_or_quoted_name_is_rejected(string table)
    {
        Should.Throw<ArgumentException>(() => BacktestSql.Query([("p", DuckDbAgreementTests.Parse(""))], SqlDialect.DuckDb, table, 60))
            .Message.ShouldContain("may hold only letters, digits");
    }

    /// <summary>The same counts made with the streaming matcher, periods cut from each record's eventTime.</summary>
    private static List<string> ExpectedRows(List<(string Id, FilterPattern Pattern)> patterns, int periodSeconds)
    {
        var rows = new List<string>();
        foreach (var (id, pattern) in patterns)
        {
            var matcher = PatternMatcher.Compile(pattern);
            rows.AddRange(TestRecords.All
                .Where(record => matcher.Matches(Encoding.UTF8.GetBytes(record)))
                .Select(record => PeriodStart(record, periodSeconds))
                .GroupBy(start => start)
                .OrderBy(group => group.Key ?? "")
                .Select(group => $"{id} {group.Key ?? "-"} {group.Count()}"));
        }

        return rows;
    }

    private static string? PeriodStart(string record, int periodSeconds)
    {
        using var document = JsonDocument.Parse(record);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("eventTime", out var time)
            || time.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return null;
        var seconds = at.ToUnixTimeSeconds() / periodSeconds * periodSeconds;
        return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("s", CultureInfo.InvariantCulture);
    }
}
