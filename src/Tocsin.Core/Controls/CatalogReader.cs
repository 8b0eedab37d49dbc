using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tocsin.Core.Controls;

/// <summary>
/// Reads the catalog JSON into the model; every field is required unless the model says it may be null. The model's
/// shape comes from <see cref="CatalogJsonContext"/>, written at build time, so reading the catalog at start-up
/// builds no serializer by reflection.
/// </summary>
internal static class CatalogReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = CatalogJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        Converters = { new JsonStringEnumConverter<Severity>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false), new DeferredCorpus.Converter() },
    };

    private static readonly JsonTypeInfo<CatalogDocument> Document = (JsonTypeInfo<CatalogDocument>)Options.GetTypeInfo(typeof(CatalogDocument));

    public static CatalogDocument Read(Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Document)
                ?? throw new CatalogException("control catalog: the file is empty (null)");
        }
        catch (JsonException malformed)
        {
            // The path (e.g. $.controls[3].corpus[2].population) is where the bad field is.
            throw new CatalogException($"control catalog: malformed at {malformed.Path ?? "$"}: {malformed.Message}", malformed);
        }
    }
}

/// <summary>The catalog file: a schema version and the controls.</summary>
internal sealed record CatalogDocument(int SchemaVersion, IReadOnlyList<Control> Controls);

/// <summary>The catalog model's shape for <see cref="JsonSerializer"/>, generated at build time.</summary>
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
