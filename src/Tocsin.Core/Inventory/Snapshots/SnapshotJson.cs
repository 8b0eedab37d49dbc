using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>
/// The one set of serializer options snapshots are written and read with. The model's shape comes from
/// <see cref="SnapshotJsonContext"/>, generated at build time: a native build makes no serializer at run time.
/// </summary>
internal static class SnapshotJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<SnapshotDocument> Document { get; } = (JsonTypeInfo<SnapshotDocument>)Options.GetTypeInfo(typeof(SnapshotDocument));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            IndentSize = 2,
            // Policies and patterns are full of quotes and ampersands; keep them readable in the file.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = SnapshotJsonContext.Default.WithAddedModifier(LeaveOutAbsentKeyPolicy).WithAddedModifier(LeaveOutUnreadEventBridge),
        };
        options.Converters.Add(new ObservedJsonConverterFactory());
        options.MakeReadOnly();
        return options;
    }

    // A topic's key policy is optional in schema version 1: written only when it says more than its absence would.
    private static void LeaveOutAbsentKeyPolicy(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(Topic))
        {
            return;
        }

        foreach (var property in typeInfo.Properties.Where(p => p.Name == "keyPolicy"))
        {
            property.ShouldSerialize = (topic, value) => !Equals(value, Topic.KeyPolicyWhenAbsent(((Topic)topic).KmsMasterKeyId));
        }
    }

    // Rules and the roles their targets act as are optional in schema version 1: written only when they were read, so
    // a scan that did not ask for EventBridge writes the bytes it wrote before the fields existed.
    private static void LeaveOutUnreadEventBridge(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type == typeof(Region))
        {
            foreach (var property in typeInfo.Properties.Where(p => p.Name == "eventRules"))
            {
                property.ShouldSerialize = (_, value) => !Equals(value, Region.EventRulesWhenAbsent);
            }
        }
        else if (typeInfo.Type == typeof(Account))
        {
            foreach (var property in typeInfo.Properties.Where(p => p.Name == "roles"))
            {
                property.ShouldSerialize = (_, value) => !Equals(value, Account.RolesWhenAbsent);
            }
        }
    }
}

/// <summary>The snapshot model's shape for <see cref="JsonSerializer"/>, generated at build time.</summary>
[JsonSerializable(typeof(SnapshotDocument))]
[JsonSerializable(typeof(Source))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
