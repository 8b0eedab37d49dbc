using System.Globalization;
using DuckDB.NET.Data;

// The peer of `tocsin backtest` in bench/backtest.sh: DuckDB's read_ndjson counting the records of a JSON Lines file
// that meet the CIS console-sign-in-without-MFA condition, in a process of its own, on the threads given.
//   Tocsin.DuckDbPeer FILE [THREADS]
// CloudWatch's != is false when MFAUsed is missing, null, a boolean, an array or an object, so the condition first
// requires a string or number there, as bench/jq-compare.sh does for jq.
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: Tocsin.DuckDbPeer FILE [THREADS]");
    return 2;
}

var threads = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
using var connection = new DuckDBConnection("Data Source=:memory:");
connection.Open();
using (var setting = connection.CreateCommand())
{
    setting.CommandText = $"SET threads = {threads}";
    setting.ExecuteNonQuery();
}

using var command = connection.CreateCommand();
command.CommandText = $$"""
    SELECT count(*) FROM read_ndjson('{{args[0].Replace("'", "''", StringComparison.Ordinal)}}',
        columns = {eventName: 'VARCHAR', additionalEventData: 'JSON'}, maximum_object_size = 16777216)
    WHERE eventName = 'ConsoleLogin'
      AND json_type(additionalEventData, '$.MFAUsed') IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT')
      AND json_extract_string(additionalEventData, '$.MFAUsed') <> 'Yes'
    """;
Console.WriteLine(command.ExecuteScalar());
return 0;
