using System.Text.Json.Nodes;
using Tocsin.Core.Controls;

namespace Tocsin.Backtest.Tests.Sql;

/// <summary>
/// The records the SQL is proved on: every corpus event of the catalog, as written, plus variations of a few of
/// them in which one field at a time is removed or replaced by a null, a boolean, numbers written in several forms,
/// an array, an object, or strings holding <c>*</c>, number-like text and non-ASCII text.
/// </summary>
internal static class TestRecords
{
    /// <summary>Replacement values, each written exactly as the record will hold it.</summary>
    private static readonly string[] Replacements =
    [
        "null", "true", "false", "0", "-0", "7", "1.50", "1.5", "1e3", "1E+3", "-2.25e-2", "0.0", "123", "18446744073709551616",
        "[]", "{}", "[1,\"Yes\",null,{\"k\":\"v\"}]", "{\"MFAUsed\":\"No\",\"n\":3,\"deep\":{\"x\":[true,\"a*b\"]}}",
        "\"\"", "\"*\"", "\"Yes\"", "\"No\"", "\"yes\"", "\"true\"", "\"123\"", "\"1.5\"", "\"AccessDenied*\"", "\"a*b*c\"",
        "\"Client.UnauthorizedOperation\"", "\"ConsoleLogin\"", "\"Success\"", "\"Root\"", "\"s3.amazonaws.com\"",
        "\"10.0.0.1\"", "\"caf\\u00e9 \\u2603\"", "\"line\\nbreak\"", "\"quote\\\"d\"",
    ];

    public static IReadOnlyList<string> All { get; } = Build();

    private static List<string> Build()
    {
        var corpus = ControlCatalog.Default.All.SelectMany(control => control.Corpus).Select(corpusEvent => corpusEvent.Message).ToList();
        var records = new List<string>(corpus);
        var bases = new[] { corpus[0], corpus[1], corpus[^1] };
        var paths = new[]
        {
            new[] { "eventName" }, ["errorCode"], ["additionalEventData", "MFAUsed"], ["additionalEventData"],
            ["userIdentity", "type"], ["userIdentity", "invokedBy"], ["responseElements"], ["requestParameters"],
            ["sourceIPAddress"], ["eventType"], ["readOnly"], ["userIdentity"],
        };
        var variant = 0;
        foreach (var path in paths)
        {
            foreach (var replacement in Replacements.Prepend(null))
            {
                var record = JsonNode.Parse(bases[variant++ % bases.Length])!.AsObject();
                Set(record, path, replacement);
                records.Add(record.ToJsonString());
            }
        }

        records.Add("{}");
        records.Add("[]");
        records.Add("[{\"eventName\":\"ConsoleLogin\"}]");
        return records.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Sets the field at <paramref name="path"/> to the raw JSON <paramref name="value"/>; null removes it.</summary>
    private static void Set(JsonObject record, string[] path, string? value)
    {
        var parent = record;
        foreach (var name in path[..^1])
        {
            if (parent[name] is not JsonObject child)
            {
                child = [];
                parent[name] = child;
            }

            parent = child;
        }

        if (value is null)
            parent.Remove(path[^1]);
        else
            parent[path[^1]] = JsonNode.Parse(value);
    }
}
