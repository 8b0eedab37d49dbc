using YamlDotNet.RepresentationModel;

namespace Tocsin.Iac.CloudFormation;

/// <summary>One entry of a template's <c>Resources</c>: its logical id, type, properties and where it is written.</summary>
internal sealed record TemplateResource(string LogicalId, string Type, YamlMappingNode Properties, string? Condition, int Line)
{
    /// <summary>The last line of the resource's definition (its mapping ends where the next entry starts).</summary>
    public int? EndLine { get; init; }

    private static readonly YamlMappingNode NoProperties = new();

    /// <param name="key">The logical id as written: the resource's line is the line that names it.</param>
    public static TemplateResource? Of(YamlScalarNode key, YamlNode node)
    {
        var logicalId = key.Value ?? "";
        if (node is not YamlMappingNode map || TemplateFile.Child(map, "Type") is not YamlScalarNode { Value: { } type })
        {
            return null;
        }

        var properties = TemplateFile.Child(map, "Properties") as YamlMappingNode ?? NoProperties;
        var condition = (TemplateFile.Child(map, "Condition") as YamlScalarNode)?.Value;
        // A block mapping's own end is not where its text ends; its last scalar's is.
        var end = (int)map.AllNodes.OfType<YamlScalarNode>().Select(scalar => scalar.End.Column <= 1 ? scalar.End.Line - 1 : scalar.End.Line).DefaultIfEmpty(key.Start.Line).Max();
        return new TemplateResource(logicalId, type, properties, condition, (int)key.Start.Line) { EndLine = Math.Max(end, (int)key.Start.Line) };
    }

    public YamlNode? Property(string name) => TemplateFile.Child(Properties, name);

    /// <summary>The line that names a property, where a reader looks for its value.</summary>
    public int PropertyLine(string name) =>
        Properties.Children.Keys.FirstOrDefault(key => key is YamlScalarNode { Value: var text } && text == name) is { } key ? (int)key.Start.Line : Line;
}
