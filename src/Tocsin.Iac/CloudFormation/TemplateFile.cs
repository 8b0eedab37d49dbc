using Tocsin.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// One file parsed as YAML (JSON is YAML too), kept as nodes so every value still knows its line and column.
/// A file that does not parse is a problem with its position; a file that is not a template is skipped.
/// </summary>
internal static class TemplateFile
{
    public static (YamlMappingNode? Root, IacProblem? Problem) Parse(string path, string text)
    {
        try
        {
            var root = YamlDocuments.LoadFirst(new StringReader(text)) as YamlMappingNode;
            return (root is not null && IsTemplate(root) ? root : null, null);
        }
        catch (YamlException error)
        {
            var message = error.InnerException is YamlException inner ? inner.Message : error.Message;
            return (null, new IacProblem(path, (int)error.Start.Line, (int)error.Start.Column, $"not valid YAML or JSON: {Reason(message)}"));
        }
    }

    /// <summary>A template has <c>AWSTemplateFormatVersion</c>, or <c>Resources</c> whose entries have an <c>AWS::</c> type.</summary>
    private static bool IsTemplate(YamlMappingNode root)
    {
        if (Child(root, "AWSTemplateFormatVersion") is not null)
        {
            return true;
        }

        return Child(root, "Resources") is YamlMappingNode resources
            && resources.Children.Values.OfType<YamlMappingNode>().Any(r => Child(r, "Type") is YamlScalarNode { Value: { } type } && type.StartsWith("AWS::", StringComparison.Ordinal));
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>YamlDotNet prefixes its messages with the position, which the problem already carries.</summary>
    private static string Reason(string message)
    {
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && at > 0 ? message[(at + 3)..] : message;
    }
}
