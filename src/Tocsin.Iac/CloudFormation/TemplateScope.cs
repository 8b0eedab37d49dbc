using YamlDotNet.RepresentationModel;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// What names mean inside one template: its parameters, mappings, conditions and resources, and the pseudo
/// parameters of the account and region it is deployed to. <c>Ref</c> and <c>Fn::GetAtt</c> never cross files.
/// </summary>
internal sealed class TemplateScope
{
    public TemplateScope(string path, IacSettings settings, YamlMappingNode root)
    {
        Path = path;
        Settings = settings;
        StackName = System.IO.Path.GetFileNameWithoutExtension(path);
        Parameters = Section(root, "Parameters");
        Mappings = Section(root, "Mappings");
        Conditions = Section(root, "Conditions");
        Resources = (TemplateFile.Child(root, "Resources") as YamlMappingNode)?.Children
            .Where(entry => entry.Key is YamlScalarNode)
            .Select(entry => TemplateResource.Of((YamlScalarNode)entry.Key, entry.Value))
            .OfType<TemplateResource>()
            .ToDictionary(resource => resource.LogicalId, StringComparer.Ordinal) ?? [];
    }

    public string Path { get; }

    public IacSettings Settings { get; }

    /// <summary>The stack a template is deployed as is named after its file.</summary>
    public string StackName { get; }

    public IReadOnlyDictionary<string, YamlNode> Parameters { get; }

    public IReadOnlyDictionary<string, YamlNode> Mappings { get; }

    public IReadOnlyDictionary<string, YamlNode> Conditions { get; }

    public IReadOnlyDictionary<string, TemplateResource> Resources { get; }

    /// <summary>The name CloudFormation makes up for a resource that names none (it appends a random suffix, left out here).</summary>
    public string GeneratedName(string logicalId) => $"{StackName}-{logicalId}";

    private static Dictionary<string, YamlNode> Section(YamlMappingNode root, string name) =>
        TemplateFile.Child(root, name) is YamlMappingNode section
            ? section.Children.Where(c => c.Key is YamlScalarNode { Value: not null }).ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => c.Value, StringComparer.Ordinal)
            : [];
}
