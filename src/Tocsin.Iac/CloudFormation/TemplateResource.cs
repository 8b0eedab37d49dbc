using YamlDotNet.RepresentationModel;

namespace Tocsin.Iac.CloudFormation;

/// <summary>One entry of a template's <c>Resources</c>: its logical id, type, properties and where it is written.</summary>
internal sealed record TemplateResource(string LogicalId, string Type, YamlMappingNode Properties, string? Condition, int Line)
{
    private static readonly YamlMappingNode NoProperties = new();

    public static TemplateResource? Of(string logicalId, YamlNode node)
    {
        if (node is not YamlMappingNode map || TemplateFile.Child(map, "Type") is not YamlScalarNode { Value: { } type })
        {
            return null;
        }

        var properties = TemplateFile.Child(map, "Properties") as YamlMappingNode ?? NoProperties;
        var condition = (TemplateFile.Child(map, "Condition") as YamlScalarNode)?.Value;
        return new TemplateResource(logicalId, type, properties, condition, (int)node.Start.Line);
    }

    public YamlNode? Property(string name) => TemplateFile.Child(Properties, name);
}
