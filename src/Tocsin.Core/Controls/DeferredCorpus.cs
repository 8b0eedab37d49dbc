using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tocsin.Core.Controls;

/// <summary>
/// A control's corpus as the catalog is read: the JSON of its events, parsed once as a whole and turned into
/// <see cref="CorpusEvent"/>s the first time anything looks at them. The corpora are two thirds of the catalog and
/// most commands (a backtest, <c>tocsin controls</c>) never look at them, so start-up does not pay for reading them.
/// A malformed event is found by the catalog's validation (<see cref="ControlCatalog.Load"/>, run by its tests on the
/// embedded file), which reads every corpus.
/// </summary>
internal sealed class DeferredCorpus : IReadOnlyList<CorpusEvent>
{
    private readonly Lazy<CorpusEvent[]> _events;

    private DeferredCorpus(JsonElement events, JsonTypeInfo<CorpusEvent> typeInfo) =>
        _events = new Lazy<CorpusEvent[]>(() => Read(events, typeInfo), LazyThreadSafetyMode.ExecutionAndPublication);

    public int Count => _events.Value.Length;

    public CorpusEvent this[int index] => _events.Value[index];

    public IEnumerator<CorpusEvent> GetEnumerator() => ((IEnumerable<CorpusEvent>)_events.Value).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static CorpusEvent[] Read(JsonElement events, JsonTypeInfo<CorpusEvent> typeInfo)
    {
        var read = new CorpusEvent[events.GetArrayLength()];
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            try
            {
                read[index] = item.Deserialize(typeInfo) ?? throw new JsonException("a corpus event was expected, found null");
            }
            catch (JsonException malformed)
            {
                throw new MalformedCorpusEvent(index, $"malformed at {malformed.Path ?? "$"}: {malformed.Message}", malformed);
            }

            index++;
        }

        return read;
    }

    /// <summary>Reads a corpus as one JSON array, left to be turned into events on first use.</summary>
    internal sealed class Converter : JsonConverter<IReadOnlyList<CorpusEvent>>
    {
        public override IReadOnlyList<CorpusEvent> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("a list of corpus events was expected");
            }

            var events = JsonElement.ParseValue(ref reader);
            return new DeferredCorpus(events, (JsonTypeInfo<CorpusEvent>)options.GetTypeInfo(typeof(CorpusEvent)));
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<CorpusEvent> value, JsonSerializerOptions options)
        {
            var typeInfo = (JsonTypeInfo<CorpusEvent>)options.GetTypeInfo(typeof(CorpusEvent));
            writer.WriteStartArray();
            foreach (var corpusEvent in value)
            {
                JsonSerializer.Serialize(writer, corpusEvent, typeInfo);
            }

            writer.WriteEndArray();
        }
    }
}

/// <summary>A corpus event of the catalog that cannot be read; the validation names its control.</summary>
internal sealed class MalformedCorpusEvent(int index, string problem, Exception inner) : Exception(problem, inner)
{
    public int Index { get; } = index;
}
