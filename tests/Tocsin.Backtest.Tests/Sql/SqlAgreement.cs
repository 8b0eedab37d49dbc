using System.Text;
using Tocsin.Backtest.Sql;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Tests.Sql;

/// <summary>
/// Compares, for one pattern, the records DuckDB selects with the compiled SQL and the records the streaming
/// matcher matches (on each record's text as written), and counts the patterns the compiler refuses by kind.
/// </summary>
internal sealed class SqlAgreement(DuckDbRecords records)
{
    public int Compared { get; private set; }

    public Dictionary<string, int> Refusals { get; } = new(StringComparer.Ordinal);

    public int RefusalCount => Refusals.Values.Sum();

    /// <summary>Null when both agree (or the pattern is refused); otherwise what differs.</summary>
    public string? Disagreement(FilterPattern pattern)
    {
        string sql;
        try
        {
            sql = PatternSql.Compile(pattern, SqlDialect.DuckDb);
        }
        catch (SqlCompileException refused)
        {
            var kind = KindOf(refused.Message);
            Refusals[kind] = Refusals.GetValueOrDefault(kind) + 1;
            return null;
        }

        Compared++;
        var matcher = PatternMatcher.Compile(pattern);
        var expected = new SortedSet<int>(Enumerable.Range(0, records.Records.Count)
            .Where(i => matcher.Matches(Encoding.UTF8.GetBytes(records.Records[i]))));
        var actual = records.Selected(sql);
        if (expected.SetEquals(actual))
            return null;
        var onlySql = actual.Except(expected).Take(2).Select(i => records.Records[i]);
        var onlyMatcher = expected.Except(actual).Take(2).Select(i => records.Records[i]);
        return $"{pattern.Text}\nSQL: {sql}\nselected by SQL only: {string.Join("\n  ", onlySql)}\nmatched by the matcher only: {string.Join("\n  ", onlyMatcher)}";
    }

    private static string KindOf(string message) =>
        message.Contains("regex values", StringComparison.Ordinal) ? "regex value"
        : message.Contains("could match a JSON number", StringComparison.Ordinal) ? "text that could match a number as written"
        : message.Contains("raw text of the record", StringComparison.Ordinal) ? "not a JSON pattern"
        : message;
}
