using System.Text.Json.Nodes;
using Tocsin.Core.Controls;

namespace Tocsin.Core.Tests.Controls;

/// <summary>The embedded catalog as editable JSON, so validation tests can break one field of real data.</summary>
internal static class CatalogFixture
{
    public static JsonObject EmbeddedJson()
    {
        using var stream = typeof(ControlCatalog).Assembly.GetManifestResourceStream("Tocsin.Core.Controls.catalog.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    public static JsonObject Seed(JsonObject catalog) => catalog["controls"]![0]!.AsObject();

    public static ControlCatalog Load(JsonObject catalog)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(catalog.ToJsonString()));
        return ControlCatalog.Load(stream);
    }

    public static TheoryData<string> ControlIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in ControlCatalog.Default.Ids)
        {
            data.Add(id);
        }

        return data;
    }
}
