using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tocsin.Core.Controls;

/// <summary>Reads the catalog JSON into the model; every field is required unless the model says it may be null.</summary>
internal static class CatalogReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static CatalogDocument Read(Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize<CatalogDocument>(json, Options)
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
