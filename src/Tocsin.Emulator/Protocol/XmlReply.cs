using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Tocsin.Emulator.Protocol;

/// <summary>
/// Writes awsQuery and EC2 replies: <c>&lt;{Op}Response xmlns&gt;&lt;{Op}Result&gt;</c>, lists as <c>member</c>
/// (EC2: <c>item</c>), maps as <c>entry/key/value</c>, timestamps in ISO 8601; errors as <c>ErrorResponse</c>
/// (EC2: <c>Response/Errors</c>).
/// </summary>
internal static class XmlReply
{
    public static byte[] Query(ServiceDefinition service, string operation, JsonObject? output, string requestId)
    {
        return Document(writer =>
        {
            writer.WriteStartElement(operation + "Response", service.XmlNamespace);
            if (output is not null)
            {
                writer.WriteStartElement(operation + "Result");
                WriteMembers(writer, output, service.XmlMaps, "member");
                writer.WriteEndElement();
            }

            writer.WriteStartElement("ResponseMetadata");
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        });
    }

    public static byte[] Ec2(ServiceDefinition service, string operation, JsonObject? output, string requestId)
    {
        return Document(writer =>
        {
            writer.WriteStartElement(operation + "Response", service.XmlNamespace);
            writer.WriteElementString("requestId", requestId);
            if (output is not null)
            {
                WriteMembers(writer, output, service.XmlMaps, "item");
            }

            writer.WriteEndElement();
        });
    }

    /// <summary>A REST-XML reply body: one root element holding the output members.</summary>
    public static byte[] Rest(string root, string? xmlNamespace, JsonObject output) =>
        Document(writer =>
        {
            writer.WriteStartElement(root, xmlNamespace);
            WriteMembers(writer, output, new HashSet<string>(), "member");
            writer.WriteEndElement();
        });

    public static byte[] QueryError(ServiceDefinition? service, AwsError error, string requestId) =>
        Document(writer =>
        {
            writer.WriteStartElement("ErrorResponse", service?.XmlNamespace);
            writer.WriteStartElement("Error");
            writer.WriteElementString("Type", error.SenderFault ? "Sender" : "Receiver");
            writer.WriteElementString("Code", error.Code);
            writer.WriteElementString("Message", error.Message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        });

    public static byte[] Ec2Error(AwsError error, string requestId) =>
        Document(writer =>
        {
            writer.WriteStartElement("Response");
            writer.WriteStartElement("Errors");
            writer.WriteStartElement("Error");
            writer.WriteElementString("Code", error.Code);
            writer.WriteElementString("Message", error.Message);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteElementString("RequestID", requestId);
            writer.WriteEndElement();
        });

    public static byte[] RestError(AwsError error, string requestId, string? resource) =>
        Document(writer =>
        {
            writer.WriteStartElement("Error");
            writer.WriteElementString("Code", error.Code);
            writer.WriteElementString("Message", error.Message);
            if (resource is not null)
            {
                writer.WriteElementString("BucketName", resource);
            }

            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        });

    private static byte[] Document(Action<XmlWriter> write)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteMembers(XmlWriter writer, JsonObject members, IReadOnlySet<string> maps, string itemName)
    {
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                continue;
            }

            writer.WriteStartElement(name);
            if (maps.Contains(name) && value is JsonObject map)
            {
                foreach (var (key, entry) in map)
                {
                    writer.WriteStartElement("entry");
                    writer.WriteElementString("key", key);
                    writer.WriteStartElement("value");
                    WriteValue(writer, entry, maps, itemName);
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }
            }
            else
            {
                WriteValue(writer, value, maps, itemName);
            }

            writer.WriteEndElement();
        }
    }

    private static void WriteValue(XmlWriter writer, JsonNode? value, IReadOnlySet<string> maps, string itemName)
    {
        switch (value)
        {
            case null:
                break;
            case JsonObject obj:
                WriteMembers(writer, obj, maps, itemName);
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    writer.WriteStartElement(itemName);
                    WriteValue(writer, item, maps, itemName);
                    writer.WriteEndElement();
                }

                break;
            case JsonValue scalar:
                writer.WriteString(Text(scalar));
                break;
        }
    }

    private static string Text(JsonValue scalar)
    {
        if (scalar.TryGetValue<DateTimeOffset>(out var time))
        {
            return time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        return scalar.GetValueKind() switch
        {
            JsonValueKind.String => scalar.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => scalar.ToJsonString(),
        };
    }
}
