using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>
/// Writes an <see cref="Observed{T}"/> as the bare value when it is known and carries no source of its own,
/// as <c>{"known": v, "source": {...}}</c> when it does, and as <c>{"unknown": "access-denied", "detail": "..."}</c>
/// when the source could not tell. Model values are never JSON objects, so an object always means a wrapper.
/// </summary>
internal sealed class ObservedJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Observed<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(ObservedJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

internal sealed class ObservedJsonConverter<T> : JsonConverter<Observed<T>>
{
    // Known nulls ("no KMS key") are values, so the converter must see JSON null itself.
    public override bool HandleNull => true;

    public override Observed<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Observed<T>.Known(JsonSerializer.Deserialize<T>(ref reader, options)!);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var wrapper = document.RootElement;
        var source = wrapper.TryGetProperty("source", out var sourceElement)
            ? sourceElement.Deserialize<Source>(options)
            : null;

        if (wrapper.TryGetProperty("unknown", out var reasonElement))
        {
            var code = reasonElement.GetString() ?? string.Empty;
            if (!UnknownReasons.TryParse(code, out var reason))
            {
                throw new JsonException($"unknown reason '{code}'");
            }

            var detail = wrapper.TryGetProperty("detail", out var detailElement) ? detailElement.GetString() : null;
            return Observed<T>.NotKnown(reason, detail, source);
        }

        if (wrapper.TryGetProperty("known", out var known))
        {
            return Observed<T>.Known(known.Deserialize<T>(options)!, source);
        }

        throw new JsonException("expected {\"known\": ...} or {\"unknown\": reason}");
    }

    public override void Write(Utf8JsonWriter writer, Observed<T> value, JsonSerializerOptions options)
    {
        if (value.IsKnown && value.Source is null)
        {
            JsonSerializer.Serialize(writer, value.Value, options);
            return;
        }

        writer.WriteStartObject();
        if (value.IsKnown)
        {
            writer.WritePropertyName("known");
            JsonSerializer.Serialize(writer, value.Value, options);
        }
        else
        {
            writer.WriteString("unknown", value.Unknown.Code);
            if (value.Unknown.Detail is not null)
            {
                writer.WriteString("detail", value.Unknown.Detail);
            }
        }

        if (value.Source is not null)
        {
            writer.WritePropertyName("source");
            JsonSerializer.Serialize(writer, value.Source, options);
        }

        writer.WriteEndObject();
    }
}
