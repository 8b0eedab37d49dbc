using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tocsin.Iac.Terraform;

/// <summary><c>jsonencode()</c>: a known value as JSON text (whole numbers without a fraction, as Terraform writes them).</summary>
internal static class HclJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text, or null when any part of the value is unknown.</summary>
    public static string? Encode(HclValue value)
    {
        if (FirstUnknown(value) is not null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            Write(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string? FirstUnknown(HclValue value) => value switch
    {
        HclUnknown unknown => unknown.Why,
        HclList list => list.Items.Select(FirstUnknown).FirstOrDefault(why => why is not null),
        HclMap map => map.Entries.Select(e => FirstUnknown(e.Value)).FirstOrDefault(why => why is not null),
        _ => null,
    };

    private static void Write(Utf8JsonWriter writer, HclValue value)
    {
        switch (value)
        {
            case HclString s:
                writer.WriteStringValue(s.Value);
                break;
            case HclNumber n when n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) < 1e15:
                writer.WriteNumberValue((long)n.Value);
                break;
            case HclNumber n:
                writer.WriteNumberValue(n.Value);
                break;
            case HclBool b:
                writer.WriteBooleanValue(b.Value);
                break;
            case HclList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case HclMap map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
