using System.Text.Json;
using Json.Schema;

namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>The embedded JSON Schema (draft 2020-12) every snapshot is checked against before it is read.</summary>
public static class SnapshotSchema
{
    private const string ResourceName = "Tocsin.Core.Inventory.Snapshots.snapshot.schema.json";

    private static readonly Lazy<string> LazyText = new(ReadText);

    private static readonly Lazy<JsonSchema> LazySchema = new(() => JsonSchema.FromText(LazyText.Value));

    /// <summary>The schema text, for users who validate snapshots with their own tools.</summary>
    public static string Text => LazyText.Value;

    /// <summary>
    /// Checks a document: a quick yes/no first, and the detailed list of failures only for a document that
    /// fails, since collecting every detail of a large valid snapshot costs several times as much.
    /// </summary>
    internal static EvaluationResults Evaluate(JsonElement document)
    {
        var quick = LazySchema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true });
        return quick.IsValid
            ? quick
            : LazySchema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static string ReadText()
    {
        using var stream = typeof(SnapshotSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the snapshot schema {ResourceName} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
