using System.Globalization;
using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// Reads one resource's properties as observed values: a property the template leaves out takes CloudFormation's
/// default, one that cannot be resolved is unknown with the reason and the line it is written on.
/// </summary>
/// <param name="existence">Set when the resource's condition cannot be resolved: its deciding values are then unknown.</param>
internal sealed class ResourceProperties(TemplateResource resource, ValueResolver values, string path, Unknown? existence = null)
{
    public Source Source => Source.FromFile(path, resource.Line, resource.EndLine);

    public string LogicalId => resource.LogicalId;

    /// <summary>A value that decides whether the resource's link holds: unknown when the resource may not be deployed.</summary>
    public Observed<T> Deciding<T>(Observed<T> value) => existence is null ? value : Observed<T>.NotKnown(existence, Source);

    public Observed<T> Read<T>(string name, T absent, Func<JsonNode, T> convert)
    {
        if (resource.Property(name) is not { } node)
        {
            return Observed.Known(absent);
        }

        var source = Source.FromFile(path, resource.PropertyLine(name));
        try
        {
            var value = values.Resolve(node);
            return Observed.Known(value is null || ReferenceEquals(value, ValueResolver.NoValue) ? absent : convert(value), source);
        }
        catch (Unresolvable why)
        {
            return Observed.Unknown<T>(UnknownReason.Unresolved, $"{resource.LogicalId}.{name}: {why.Message}", source);
        }
    }

    public Observed<string?> Text(string name) => Read<string?>(name, null, AsText);

    public Observed<bool> Bool(string name, bool absent) => Read(name, absent, node => AsText(node) switch
    {
        "true" or "True" => true,
        "false" or "False" => false,
        var other => throw new Unresolvable($"'{other}' is not true or false"),
    });

    public Observed<int?> Int(string name) => Read<int?>(name, null, node => (int)AsNumber(node));

    public Observed<double?> Double(string name) => Read<double?>(name, null, node => AsNumber(node));

    public Observed<IReadOnlyList<string>> Texts(string name) =>
        Read<IReadOnlyList<string>>(name, [], node => node is JsonArray list ? [.. list.Select(AsText)] : throw new Unresolvable("a list was expected"));

    /// <summary>A name property that must be a plain string in the inventory: the generated name when absent, null when unresolved.</summary>
    public string? Name(Func<TemplateResource, string> name)
    {
        try
        {
            return name(resource);
        }
        catch (Unresolvable)
        {
            return null;
        }
    }

    public static string AsText(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        null => "",
        _ => throw new Unresolvable("a text value was expected"),
    };

    public static double AsNumber(JsonNode node) =>
        double.TryParse(AsText(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new Unresolvable($"'{AsText(node)}' is not a number");

    public static string? Field(JsonNode? node, string name) => node is JsonObject obj && obj[name] is { } value ? AsText(value) : null;

    public static TEnum Enum<TEnum>(string text)
        where TEnum : struct, System.Enum =>
        System.Enum.TryParse<TEnum>(text, out var value) ? value : throw new Unresolvable($"'{text}' is not a {typeof(TEnum).Name}");

    public YamlNode? Node(string name) => resource.Property(name);
}
