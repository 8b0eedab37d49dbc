namespace Tocsin.Backtest.Sql;

/// <summary>The SQL engine a backtest query is written for.</summary>
public enum SqlDialect
{
    /// <summary>Amazon Athena over the CloudTrail table its documentation creates (<c>cloudtrail_logs</c>).</summary>
    Athena,

    /// <summary>A CloudTrail Lake event data store, queried with its documented SQL schema.</summary>
    CloudTrailLake,

    /// <summary>DuckDB over a table with one JSON column <c>record</c> holding each CloudTrail record.</summary>
    DuckDb,
}
