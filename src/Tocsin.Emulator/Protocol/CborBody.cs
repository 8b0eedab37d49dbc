using System.Formats.Cbor;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tocsin.Emulator.Protocol;

/// <summary>
/// Smithy RPC v2 CBOR bodies (CloudWatch's first-listed protocol) read into and written from the same JSON
/// tree the other protocols use; timestamps are tag 1 (epoch seconds).
/// </summary>
internal static class CborBody
{
    public const string ContentType = "application/cbor";

    public static bool IsCbor(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers["smithy-protocol"] == "rpc-v2-cbor";

    public static JsonObject Read(byte[] body)
    {
        if (body.Length == 0)
        {
            return [];
        }

        try
        {
            var reader = new CborReader(body, CborConformanceMode.Lax);
            return ReadItem(reader, depth: 0) as JsonObject ?? throw new AwsError("SerializationException", "The request body must be a CBOR map.");
        }
        catch (CborContentException problem)
        {
            throw new AwsError("SerializationException", $"The request body is not valid CBOR: {problem.Message}");
        }
        catch (Exception problem) when (problem is InvalidOperationException or OverflowException or ArgumentOutOfRangeException)
        {
            // Also a number too large for its field, or a timestamp outside the years 1-9999.
            throw new AwsError("SerializationException", $"The request body is not valid CBOR: {problem.Message}");
        }
    }

    public static byte[] Write(JsonObject output)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        WriteItem(writer, output);
        return writer.Encode();
    }

    /// <summary>No AWS request nests this deep; the bound keeps the recursion off the end of the stack.</summary>
    private const int MaxNesting = 128;

    private static JsonNode? ReadItem(CborReader reader, int depth)
    {
        if (depth > MaxNesting)
        {
            throw new AwsError("SerializationException", $"The request body nests more than {MaxNesting} levels deep.");
        }

        switch (reader.PeekState())
        {
            case CborReaderState.StartMap:
                reader.ReadStartMap();
                var map = new JsonObject();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    var key = reader.ReadTextString();
                    map[key] = ReadItem(reader, depth + 1);
                }

                reader.ReadEndMap();
                return map;
            case CborReaderState.StartArray:
                reader.ReadStartArray();
                var array = new JsonArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    array.Add(ReadItem(reader, depth + 1));
                }

                reader.ReadEndArray();
                return array;
            case CborReaderState.TextString:
            case CborReaderState.StartIndefiniteLengthTextString:
                return JsonValue.Create(reader.ReadTextString());
            case CborReaderState.ByteString:
            case CborReaderState.StartIndefiniteLengthByteString:
                return JsonValue.Create(Convert.ToBase64String(reader.ReadByteString()));
            case CborReaderState.UnsignedInteger:
            case CborReaderState.NegativeInteger:
                return JsonValue.Create(reader.ReadInt64());
            case CborReaderState.HalfPrecisionFloat:
            case CborReaderState.SinglePrecisionFloat:
            case CborReaderState.DoublePrecisionFloat:
                return JsonValue.Create(reader.ReadDouble());
            case CborReaderState.Boolean:
                return JsonValue.Create(reader.ReadBoolean());
            case CborReaderState.Null:
                reader.SkipValue();
                return null;
            case CborReaderState.Tag:
                var tag = reader.ReadTag();
                var tagged = ReadItem(reader, depth + 1);
                return tag == CborTag.UnixTimeSeconds && tagged is JsonValue seconds
                    ? JsonValue.Create(DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds.GetValue<double>() * 1000)))
                    : tagged;
            default:
                reader.SkipValue();
                return null;
        }
    }

    private static void WriteItem(CborWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNull();
                break;
            case JsonObject obj:
                var members = obj.Where(pair => pair.Value is not null).ToList();
                writer.WriteStartMap(members.Count);
                foreach (var (name, value) in members)
                {
                    writer.WriteTextString(name);
                    WriteItem(writer, value);
                }

                writer.WriteEndMap();
                break;
            case JsonArray array:
                writer.WriteStartArray(array.Count);
                foreach (var item in array)
                {
                    WriteItem(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<DateTimeOffset>(out var time):
                writer.WriteTag(CborTag.UnixTimeSeconds);
                writer.WriteDouble(time.ToUnixTimeMilliseconds() / 1000.0);
                break;
            case JsonValue value:
                WriteScalar(writer, value);
                break;
        }
    }

    private static void WriteScalar(CborWriter writer, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                writer.WriteTextString(value.GetValue<string>());
                break;
            case JsonValueKind.True:
                writer.WriteBoolean(true);
                break;
            case JsonValueKind.False:
                writer.WriteBoolean(false);
                break;
            case JsonValueKind.Number:
                var text = value.ToJsonString();
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                {
                    writer.WriteInt64(whole);
                }
                else
                {
                    writer.WriteDouble(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
                }

                break;
            default:
                writer.WriteNull();
                break;
        }
    }
}
