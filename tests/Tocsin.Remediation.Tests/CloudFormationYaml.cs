using YamlDotNet.Serialization;

namespace Tocsin.Remediation.Tests;

/// <summary>Loads rendered YAML back with YamlDotNet, and splits a multi-template output at its marker lines.</summary>
internal static class CloudFormationYaml
{
    public static Dictionary<object, object> Load(string yaml) =>
        (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(yaml)!;

    public static Dictionary<object, object> Resources(string yaml) => (Dictionary<object, object>)Load(yaml)["Resources"];

    public static IEnumerable<Dictionary<object, object>> OfType(string yaml, string type) =>
        Resources(yaml).Values.Cast<Dictionary<object, object>>().Where(r => (string)r["Type"] == type);

    public static Dictionary<object, object> Properties(Dictionary<object, object> resource) => (Dictionary<object, object>)resource["Properties"];

    /// <summary>The templates of an output, each starting at a <c># tocsin-template</c> line.</summary>
    public static List<string> Split(string output)
    {
        var templates = new List<string>();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("# tocsin-template ", StringComparison.Ordinal))
            {
                templates.Add("");
            }

            if (templates.Count > 0)
            {
                templates[^1] += line + "\n";
            }
        }

        return templates;
    }
}
