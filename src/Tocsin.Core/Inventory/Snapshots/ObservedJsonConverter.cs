using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>
/// Writes an <see cref="Observed{T}"/> as the bare value when it is known and carries no source of its own,
/// as <c>{"known": v, "source": {...}}</c> when it does, and as <c>{"unknown": "access-denied", "detail": "..."}</c>
/// when the source could not tell. Model values are never JSON objects, so an object always means a wrapper.
/// </summary>
internal sealed class ObservedJsonConverterFactory : JsonConverterFactory
{
    // Every Observed<T> the inventory model holds, with its converter, written out: a converter made for a type at
    // run time (MakeGenericType) would need code a native build has not compiled. A test walks the model and fails
    // on an Observed<T> missing here.
    private static readonly Dictionary<Type, Func<JsonConverter>> Converters = new(
    [
        Of<AlarmComparisonOperator>(),
        Of<DateTimeOffset?>(),
        Of<EventRuleState>(),
        Of<EventTargetInput>(),
        Of<IReadOnlyList<AdvancedEventSelector>>(),
        Of<IReadOnlyList<Alarm>>(),
        Of<IReadOnlyList<Dimension>>(),
        Of<IReadOnlyList<EventRule>>(),
        Of<IReadOnlyList<EventSelector>>(),
        Of<IReadOnlyList<EventTarget>>(),
        Of<IReadOnlyList<IamRole>>(),
        Of<IReadOnlyList<LogGroup>>(),
        Of<IReadOnlyList<MetricDataQuery>>(),
        Of<IReadOnlyList<MetricFilter>>(),
        Of<IReadOnlyList<MetricTransformation>>(),
        Of<IReadOnlyList<Region>>(),
        Of<IReadOnlyList<RolePolicy>>(),
        Of<IReadOnlyList<Subscription>>(),
        Of<IReadOnlyList<Topic>>(),
        Of<IReadOnlyList<Trail>>(),
        Of<IReadOnlyList<string>>(),
        Of<Statistic?>(),
        Of<bool>(),
        Of<double?>(),
        Of<int>(),
        Of<int?>(),
        Of<string>(),
    ]);

    public static bool Supports(Type observed) => Converters.ContainsKey(observed);

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Observed<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Converters.TryGetValue(typeToConvert, out var converter)
            ? converter()
            : throw new NotSupportedException($"{typeToConvert} is not a value of the inventory model: add it to {nameof(ObservedJsonConverterFactory)}");

    private static KeyValuePair<Type, Func<JsonConverter>> Of<T>() => new(typeof(Observed<T>), () => new ObservedJsonConverter<T>());
}

internal sealed class ObservedJsonConverter<T> : JsonConverter<Observed<T>>
{
    // Known nulls ("no KMS key") are values, so the converter must see JSON null itself.
    public override bool HandleNull => true;

    public override Observed<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Observed<T>.Known(JsonSerializer.Deserialize(ref reader, ValueInfo(options))!);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var wrapper = document.RootElement;
        var source = wrapper.TryGetProperty("source", out var sourceElement)
            ? sourceElement.Deserialize((JsonTypeInfo<Source>)options.GetTypeInfo(typeof(Source)))
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
            return Observed<T>.Known(known.Deserialize(ValueInfo(options))!, source);
        }

        throw new JsonException("expected {\"known\": ...} or {\"unknown\": reason}");
    }

    public override void Write(Utf8JsonWriter writer, Observed<T> value, JsonSerializerOptions options)
    {
        if (value.IsKnown && value.Source is null)
        {
            JsonSerializer.Serialize(writer, value.Value, ValueInfo(options));
            return;
        }

        writer.WriteStartObject();
        if (value.IsKnown)
        {
            writer.WritePropertyName("known");
            JsonSerializer.Serialize(writer, value.Value, ValueInfo(options));
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
            JsonSerializer.Serialize(writer, value.Source, (JsonTypeInfo<Source>)options.GetTypeInfo(typeof(Source)));
        }

        writer.WriteEndObject();
    }

    private static JsonTypeInfo<T> ValueInfo(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
