using System.Text;
using System.Text.Json;

namespace Tocsin.Core.Findings;

/// <summary>What every JSON report writer needs: the document written whole to a text writer, and the shapes of value they all write.</summary>
public static class JsonText
{
    /// <summary>Writes one JSON document to <paramref name="output"/>, ending with a newline.</summary>
    public static void Write(TextWriter output, JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            write(json);
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        output.Write('\n');
    }

    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>The string, or <c>null</c>: the property is always there.</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>The number, or <c>null</c>: the property is always there.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The string when there is one; no property otherwise.</summary>
    public static void WriteStringIfAny(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>The number when there is one; no property otherwise.</summary>
    public static void WriteNumberIfAny(this Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }

    /// <summary>A run's totals as numbers: accounts, controls, and findings by outcome.</summary>
    public static void WriteCounts(this Utf8JsonWriter json, RunSummary summary)
    {
        json.WriteNumber("accounts", summary.Accounts);
        json.WriteNumber("controls", summary.Controls);
        json.WriteNumber("pass", summary.Pass);
        json.WriteNumber("fail", summary.Fail);
        json.WriteNumber("error", summary.Error);
        json.WriteNumber("suppressed", summary.Suppressed);
    }
}
