using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tocsin.Emulator.Protocol;

/// <summary>Writes awsJson replies: timestamps as epoch seconds, errors as <c>{"__type","message"}</c>.</summary>
internal static class JsonReply
{
    public static byte[] Body(JsonObject? output)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, output ?? []);
        }

        return buffer.ToArray();
    }

    public static byte[] Error(AwsError error)
    {
        var body = new JsonObject { ["__type"] = error.Code, ["message"] = error.Message };
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<DateTimeOffset>(out var time):
                writer.WriteNumberValue(Math.Round(time.ToUnixTimeMilliseconds() / 1000.0, 3));
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
