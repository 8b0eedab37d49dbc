using YamlDotNet.RepresentationModel;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// The intrinsic functions and condition functions of CloudFormation, in short form (<c>!Sub</c>) and long form
/// (<c>Fn::Sub</c>): both read as one name and its argument.
/// </summary>
internal static class Intrinsics
{
    private static readonly HashSet<string> Names =
    [
        "Ref", "Condition", "Fn::Sub", "Fn::GetAtt", "Fn::Join", "Fn::Select", "Fn::If", "Fn::FindInMap", "Fn::ImportValue",
        "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Fn::Base64", "Fn::Split", "Fn::GetAZs", "Fn::Cidr", "Fn::Length",
        "Fn::ToJsonString", "Fn::Transform",
    ];

    /// <summary>The long name of a short-form tag (<c>!GetAtt</c> → <c>Fn::GetAtt</c>), or null when CloudFormation has no such tag.</summary>
    public static string? LongName(string tag)
    {
        var name = tag.TrimStart('!');
        var full = name is "Ref" or "Condition" ? name : "Fn::" + name;
        return Names.Contains(full) ? full : null;
    }

    /// <summary>True for a tag the template wrote itself (<c>!Foo</c>), not YAML's own (<c>!!str</c>) or none.</summary>
    public static bool IsLocalTag(YamlNode node) =>
        !node.Tag.IsEmpty && node.Tag.Value.StartsWith('!') && !node.Tag.Value.StartsWith("!!", StringComparison.Ordinal);

    /// <summary>The intrinsic a node is, with its argument: a tagged node, or a one-key map whose key is a function name.</summary>
    public static (string Name, YamlNode Argument)? Of(YamlNode node)
    {
        if (IsLocalTag(node))
        {
            return LongName(node.Tag.Value) is { } name ? (name, node) : null;
        }

        if (node is YamlMappingNode { Children.Count: 1 } map
            && map.Children.First() is var (key, value)
            && key is YamlScalarNode { Value: { } text }
            && Names.Contains(text))
        {
            return (text, value);
        }

        return null;
    }
}
