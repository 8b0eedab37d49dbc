using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Sql;

/// <summary>How one dialect reaches the nodes a selector selects in a CloudTrail record.</summary>
internal abstract class RecordAccess
{
    /// <summary>SQL (two-valued) that holds when some node the selector selects satisfies <paramref name="test"/>.</summary>
    public abstract string AnySelected(JsonSelector selector, Func<SelectedNode, string> test);

    /// <summary>SQL (two-valued) that holds when the selector selects nothing: <c>NOT EXISTS</c>.</summary>
    public abstract string NothingSelected(JsonSelector selector);

    /// <summary>
    /// SQL that holds when the record is a JSON object or array (the only events a JSON pattern applies to), or
    /// null when every row of the dialect's table is one.
    /// </summary>
    public abstract string? IsJsonEvent { get; }

    /// <summary>Wraps a test that may be NULL where nothing was selected so that it is two-valued.</summary>
    protected static string TwoValued(string test) =>
        test == ConditionSql.False ? test : $"coalesce({test}, FALSE)";
}
