using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Core.Yaml;

/// <summary>
/// Reading a user's YAML file (exceptions, tocsin.yaml) so that every refusal names the file, line and column and
/// what was expected; nothing is half-read.
/// </summary>
public sealed class YamlInput(string fileName)
{
    public string FileName { get; } = fileName;

    /// <summary>The root node of the first document, or null for an empty file.</summary>
    public YamlNode? Load(TextReader reader)
    {
        try
        {
            return YamlDocuments.LoadFirst(reader);
        }
        catch (YamlException error)
        {
            throw new YamlFileException(FileName, Math.Max(1, (int)error.Start.Line), Math.Max(1, (int)error.Start.Column), $"not valid YAML: {WithoutPosition(error.Message)}");
        }
    }

    public YamlFileException Refuse(YamlNode at, string problem) => new(FileName, (int)at.Start.Line, (int)at.Start.Column, problem);

    /// <summary>Refuses the first key that is not one of <paramref name="allowed"/>.</summary>
    public void OnlyKeys(YamlMappingNode mapping, IReadOnlyCollection<string> allowed)
    {
        foreach (var key in mapping.Children.Keys)
        {
            if (!allowed.Contains(Text(key)))
            {
                throw Refuse(key, $"unknown field `{Text(key)}`; expected one of {string.Join(", ", allowed)}");
            }
        }
    }

    public string Required(YamlMappingNode mapping, string field, string owner)
    {
        var node = Value(mapping, field) ?? throw Refuse(mapping, $"{owner} is missing `{field}`");
        var text = Scalar(node, field);
        return string.IsNullOrWhiteSpace(text) ? throw Refuse(node, $"`{field}` must not be empty") : text;
    }

    public string? Optional(YamlMappingNode mapping, string field)
    {
        var node = Value(mapping, field);
        return node is null ? null : Scalar(node, field);
    }

    /// <summary>A list of single values; a lone value counts as a list of one.</summary>
    public IReadOnlyList<string>? OptionalList(YamlMappingNode mapping, string field) => Value(mapping, field) switch
    {
        null => null,
        YamlSequenceNode sequence => [.. sequence.Children.Select(item => Scalar(item, field))],
        var single => [Scalar(single, field)],
    };

    public string Scalar(YamlNode node, string field) =>
        node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : throw Refuse(node, $"`{field}` must be a single value");

    public static YamlNode? Value(YamlMappingNode mapping, string field) =>
        mapping.Children.TryGetValue(new YamlScalarNode(field), out var node) ? node : null;

    public static string Text(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : node.NodeType.ToString().ToLowerInvariant();

    // YamlDotNet prefixes its own position ("(Line: 3, Col: 5, Idx: 20) - (...): "); the caller says where already.
    private static string WithoutPosition(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut < 0 ? message : message[(cut + 3)..];
    }
}
