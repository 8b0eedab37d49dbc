using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Sql;

/// <summary>
/// Compiles a filter pattern to a SQL condition over one CloudTrail record per row, with exactly the meaning the
/// matcher gives it (SPEC.md §5). What a dialect cannot express exactly is refused with
/// <see cref="SqlCompileException"/>, never approximated: term, regex and space-delimited patterns (they read the
/// raw record text), regex values, text values that could match a number's written text, and, in Athena and
/// CloudTrail Lake, selectors the table's columns cannot reach.
/// </summary>
public static class PatternSql
{
    /// <summary>The boolean SQL condition selecting the records <paramref name="pattern"/> matches.</summary>
    public static string Compile(FilterPattern pattern, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern switch
        {
            MatchAllPattern => "TRUE",
            JsonPattern json => CompileJson(json, Access(dialect)),
            TermPattern => throw Refused(pattern, dialect, "term patterns search the raw text of the record, which the table does not keep as CloudWatch sees it"),
            RegexPattern => throw Refused(pattern, dialect, "regex patterns search the raw text of the record, which the table does not keep as CloudWatch sees it"),
            DelimitedPattern => throw Refused(pattern, dialect, "space-delimited patterns split the raw text of the record, which the table does not keep as CloudWatch sees it"),
            _ => throw new ArgumentException($"Unknown pattern form {pattern.GetType().Name}", nameof(pattern)),
        };
    }

    internal static string DialectName(SqlDialect dialect) => dialect switch
    {
        SqlDialect.Athena => "Athena",
        SqlDialect.CloudTrailLake => "CloudTrail Lake",
        SqlDialect.DuckDb => "DuckDB",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown SQL dialect"),
    };

    private static RecordAccess Access(SqlDialect dialect) => dialect switch
    {
        SqlDialect.DuckDb => new DuckDbRecord(),
        SqlDialect.Athena => new CloudTrailTable(CloudTrailColumns.Athena),
        SqlDialect.CloudTrailLake => new CloudTrailTable(CloudTrailColumns.Lake),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown SQL dialect"),
    };

    private static string CompileJson(JsonPattern pattern, RecordAccess access)
    {
        try
        {
            var condition = Expression(pattern.Expression, access);
            return HasNotExists(pattern.Expression) && access.IsJsonEvent is { } isJson
                ? $"({isJson} AND {condition})"
                : condition;
        }
        catch (SqlCompileException refused)
        {
            throw new SqlCompileException($"{DialectNameOf(access)} cannot express the pattern {pattern.Text.Trim()}: {refused.Message}", refused);
        }
    }

    private static string Expression(JsonExpression expression, RecordAccess access) => expression switch
    {
        JsonCondition { Operator: ComparisonOperator.NotExists } condition => access.NothingSelected(condition.Selector),
        JsonCondition condition => access.AnySelected(condition.Selector, node => ConditionSql.Test(condition, node)),
        JsonAnd and => "(" + string.Join(" AND ", and.Operands.Select(operand => Expression(operand, access))) + ")",
        JsonOr or => "(" + string.Join(" OR ", or.Operands.Select(operand => Expression(operand, access))) + ")",
        _ => throw new ArgumentException($"Unknown JSON expression {expression.GetType().Name}", nameof(expression)),
    };

    private static bool HasNotExists(JsonExpression expression) => expression switch
    {
        JsonCondition condition => condition.Operator == ComparisonOperator.NotExists,
        JsonAnd and => and.Operands.Any(HasNotExists),
        JsonOr or => or.Operands.Any(HasNotExists),
        _ => false,
    };

    private static string DialectNameOf(RecordAccess access) => access switch
    {
        DuckDbRecord => DialectName(SqlDialect.DuckDb),
        CloudTrailTable table => table.Columns.DialectName,
        _ => access.GetType().Name,
    };

    private static SqlCompileException Refused(FilterPattern pattern, SqlDialect dialect, string why) =>
        new($"{DialectName(dialect)} cannot express the pattern {pattern.Text.Trim()}: {why}");
}
