using System.Text.RegularExpressions;

namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>
/// One CloudFormation template being built: parameters, resources (logical ids unique and alphanumeric), outputs, and
/// comment lines written before and after it. Comments go through <see cref="YamlText.Comment"/>, values through
/// <see cref="YamlText.Quote"/>.
/// </summary>
internal sealed class CloudFormationTemplate(string description)
{
    private readonly YamlMap _parameters = [];
    private readonly YamlMap _resources = [];
    private readonly YamlMap _outputs = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public List<string> Header { get; } = [];

    public List<string> Footer { get; } = [];

    public int ResourceCount => _resources.Count;

    public void AddParameter(string name, YamlMap parameter) => _parameters.Add(name, parameter);

    public void AddOutput(string name, object value) => _outputs.Add(name, new YamlMap { { "Value", value } });

    /// <summary>Adds a resource under a logical id made from <paramref name="kind"/> and <paramref name="name"/>, and returns the id.</summary>
    public string AddResource(string kind, string name, string type, YamlMap properties, IReadOnlyList<string>? dependsOn = null)
    {
        var id = UniqueId(kind + Words(name));
        var resource = new YamlMap { { "Type", type } };
        if (dependsOn is { Count: > 0 })
        {
            resource.Add("DependsOn", dependsOn.Cast<object?>().ToList());
        }

        resource.Add("Properties", properties);
        _resources.Add(id, resource);
        return id;
    }

    public void Write(TextWriter output)
    {
        foreach (var line in Header)
        {
            output.WriteLine(YamlText.Comment(line));
        }

        var template = new YamlMap
        {
            { "AWSTemplateFormatVersion", "2010-09-09" },
            { "Description", description },
        };
        if (_parameters.Count > 0)
        {
            template.Add("Parameters", _parameters);
        }

        if (_resources.Count == 0)
        {
            // A template must hold a resource; this one creates nothing and costs nothing.
            AddResource("Nothing", "ToDeploy", "AWS::CloudFormation::WaitConditionHandle", []);
        }

        template.Add("Resources", _resources);
        if (_outputs.Count > 0)
        {
            template.Add("Outputs", _outputs);
        }

        YamlText.Write(output, template);
        foreach (var line in Footer)
        {
            output.WriteLine(YamlText.Comment(line));
        }
    }

    /// <summary>CamelCase of the letters and digits of a name: <c>cis-alarms.prod</c> becomes <c>CisAlarmsProd</c>.</summary>
    private static string Words(string name)
    {
        var words = Regex.Split(name, "[^A-Za-z0-9]+").Where(w => w.Length > 0);
        return string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    private string UniqueId(string wanted)
    {
        var id = wanted.Length > 200 ? wanted[..200] : wanted;
        for (var n = 2; !_ids.Add(id); n++)
        {
            id = $"{(wanted.Length > 200 ? wanted[..200] : wanted)}{n}";
        }

        return id;
    }
}
