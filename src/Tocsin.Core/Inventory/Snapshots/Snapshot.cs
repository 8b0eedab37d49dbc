using System.Text;
using System.Text.Json;

namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>
/// Saves an inventory as versioned JSON and reads it back. A file that is not JSON, not a Tocsin snapshot,
/// of another schema version, or that breaks the schema is refused with a <see cref="SnapshotException"/>
/// naming the first bad field; nothing half-read is returned.
/// </summary>
public static class Snapshot
{
    /// <summary>The snapshot format version this build writes and reads.</summary>
    public const int SchemaVersion = 1;

    public static string ToJson(CloudInventory inventory)
    {
        var sorted = CanonicalOrder.Apply(inventory);
        var document = new SnapshotDocument(SchemaVersion, sorted.CollectedAt, sorted.Organization, sorted.Accounts, sorted.LinkedAccounts.Count > 0 ? sorted.LinkedAccounts : null);
        return JsonSerializer.Serialize(document, SnapshotJson.Document) + "\n";
    }

    public static void Save(CloudInventory inventory, Stream destination)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToJson(inventory));
        destination.Write(bytes);
    }

    /// <param name="fileName">The name to put in refusals, e.g. the path the user gave.</param>
    public static CloudInventory Load(Stream source, string fileName)
    {
        using var reader = new StreamReader(source, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), fileName);
    }

    /// <param name="fileName">The name to put in refusals, e.g. the path the user gave.</param>
    public static CloudInventory Parse(string json, string fileName)
    {
        using var document = ParseJson(json, fileName);
        CheckText(document.RootElement, "$", fileName);
        CheckVersion(document.RootElement, fileName);

        var results = SnapshotSchema.Evaluate(document.RootElement);
        if (!results.IsValid)
        {
            var (location, problem) = SchemaProblem.Describe(results, document.RootElement);
            throw new SnapshotException(fileName, location, problem);
        }

        SnapshotDocument? snapshot;
        try
        {
            snapshot = document.RootElement.Deserialize(SnapshotJson.Document);
        }
        catch (JsonException error)
        {
            // The schema should have caught this; say where the reader stopped rather than fail without a place.
            throw new SnapshotException(fileName, error.Path ?? "$", SchemaProblem.WithoutReaderPosition(error.Message));
        }

        if (snapshot is null)
        {
            throw new SnapshotException(fileName, "$", "expected a Tocsin snapshot object, found null");
        }

        return new CloudInventory(snapshot.Organization, snapshot.Accounts, snapshot.CollectedAt) { LinkedAccounts = snapshot.LinkedAccounts ?? [] };
    }

    private static JsonDocument ParseJson(string json, string fileName)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new SnapshotException(fileName, "$", "the file is empty; expected a Tocsin snapshot");
        }

        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (ArgumentException)
        {
            // A lone UTF-16 surrogate (from a file that was not UTF-8): the reader refuses the text before any position.
            throw new SnapshotException(fileName, "$", "not valid JSON: the text holds an unpaired UTF-16 surrogate");
        }
        catch (JsonException error)
        {
            var line = (error.LineNumber ?? 0) + 1;
            var column = (error.BytePositionInLine ?? 0) + 1;
            throw new SnapshotException(fileName, $"line {line}, column {column}", $"not valid JSON: {SchemaProblem.WithoutReaderPosition(error.Message)}");
        }
    }

    /// <summary>
    /// Refuses, at its path, a string or property name that escapes half of a UTF-16 surrogate pair (<c>\uD800</c>
    /// alone): valid JSON, but no text can hold it, and every later reading of it would throw.
    /// </summary>
    private static void CheckText(JsonElement element, string path, string fileName)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        throw Unpaired(fileName, path, "a property name");
                    }

                    CheckText(property.Value, $"{path}.{name}", fileName);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckText(item, $"{path}[{index++}]", fileName);
                }

                break;
            case JsonValueKind.String:
                try
                {
                    element.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw Unpaired(fileName, path, "the string");
                }

                break;
        }

        static SnapshotException Unpaired(string fileName, string path, string what) =>
            new(fileName, path, $"{what} escapes an unpaired UTF-16 surrogate (such as \\uD800 alone): it is no text");
    }

    private static void CheckVersion(JsonElement root, string fileName)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SnapshotException(fileName, "$", $"expected a Tocsin snapshot object, found {JsonKinds.Name(root)}");
        }

        if (!root.TryGetProperty("schemaVersion", out var version))
        {
            throw new SnapshotException(fileName, "$.schemaVersion", "missing; this is not a Tocsin snapshot");
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
        {
            throw new SnapshotException(fileName, "$.schemaVersion", $"expected integer, found {JsonKinds.Name(version)}");
        }

        if (number != SchemaVersion)
        {
            throw new SnapshotException(fileName, "$.schemaVersion", $"version {number} is not supported; this version of Tocsin reads version {SchemaVersion}");
        }
    }
}
