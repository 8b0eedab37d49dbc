using DuckDB.NET.Data;

namespace Tocsin.Backtest.Tests.Sql;

/// <summary>An in-memory DuckDB table <c>records(id, record JSON)</c> holding the test records, one per row.</summary>
internal sealed class DuckDbRecords : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbRecords(IReadOnlyList<string> records)
    {
        Records = records;
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute("CREATE TABLE raw (id INTEGER, line VARCHAR)");
        using (var appender = _connection.CreateAppender("raw"))
        {
            for (var i = 0; i < records.Count; i++)
                appender.CreateRow().AppendValue(i).AppendValue(records[i]).EndRow();
        }

        Execute("CREATE TABLE records AS SELECT id, json(line) AS record FROM raw");
    }

    public IReadOnlyList<string> Records { get; }

    /// <summary>The ids of the records the SQL condition selects.</summary>
    public SortedSet<int> Selected(string condition)
    {
        var selected = new SortedSet<int>();
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT id FROM records WHERE {condition}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            selected.Add(reader.GetInt32(0));
        return selected;
    }

    /// <summary>The rows of a query, each as its column values.</summary>
    public List<object?[]> Rows(string sql)
    {
        var rows = new List<object?[]>();
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
