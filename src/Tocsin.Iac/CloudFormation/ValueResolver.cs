using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// Resolves a template value as CloudFormation would at deployment: every intrinsic function, parameters with
/// defaults, mappings, conditions and pseudo parameters. What only deployment could tell throws <see cref="Unresolvable"/>.
/// Scalars stay text, as CloudFormation passes them.
/// </summary>
internal sealed partial class ValueResolver
{
    private readonly TemplateScope scope;
    private readonly ResourceIdentity identity;

    public ValueResolver(TemplateScope scope)
    {
        this.scope = scope;
        identity = new ResourceIdentity(scope, this);
    }

    public ResourceIdentity Identity => identity;

    /// <summary>What <c>!Ref AWS::NoValue</c> resolves to: the property or list item is dropped.</summary>
    public static readonly JsonNode NoValue = JsonValue.Create("AWS::NoValue");

    /// <summary>
    /// How deep values may lean on other values (a function's argument, a parameter, a resource's name) before the
    /// chain is taken to lead back to itself: a name built from its own resource's attribute never ends. Twice the
    /// nesting a template may have (<see cref="Tocsin.Core.Yaml.YamlDocuments.MaxNesting"/>), so only a value that
    /// refers to itself gets this deep.
    /// </summary>
    private const int MaxDepth = 2 * Tocsin.Core.Yaml.YamlDocuments.MaxNesting;

    private int depth;

    public JsonNode? Resolve(YamlNode node)
    {
        if (depth >= MaxDepth)
        {
            throw new Unresolvable($"the value leans on other values more than {MaxDepth} deep: it refers to itself, through a resource's name or attribute or a chain of functions");
        }

        depth++;
        try
        {
            return ResolveOnce(node);
        }
        finally
        {
            depth--;
        }
    }

    private JsonNode? ResolveOnce(YamlNode node)
    {
        if (Intrinsics.Of(node) is { } intrinsic)
        {
            return Function(intrinsic.Name, intrinsic.Argument);
        }

        if (Intrinsics.IsLocalTag(node))
        {
            throw new Unresolvable($"{node.Tag.Value} is not a CloudFormation intrinsic function");
        }

        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var resolved = Resolve(value);
                    if (!ReferenceEquals(resolved, NoValue) && key is YamlScalarNode { Value: { } name })
                    {
                        obj[name] = resolved;
                    }
                }

                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray([.. sequence.Children.Select(Resolve).Where(item => !ReferenceEquals(item, NoValue))]);
            case YamlScalarNode scalar:
                return IsNull(scalar) ? null : JsonValue.Create(scalar.Value);
            default:
                return null;
        }
    }

    public string Text(YamlNode node) => Text(Resolve(node), node);

    private JsonNode? Function(string name, YamlNode argument) => name switch
    {
        "Ref" => Ref(Text(Untagged(argument))),
        "Condition" => JsonValue.Create(Condition(Text(Untagged(argument))) ? "true" : "false"),
        "Fn::Sub" => Sub(argument),
        "Fn::GetAtt" => GetAtt(argument),
        "Fn::Join" => Join(argument),
        "Fn::Select" => Select(argument),
        "Fn::If" => If(argument),
        "Fn::FindInMap" => FindInMap(argument),
        "Fn::Split" => Split(argument),
        "Fn::Base64" => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(Untagged(argument))))),
        "Fn::Equals" or "Fn::Not" or "Fn::And" or "Fn::Or" => JsonValue.Create(Truth(name, argument) ? "true" : "false"),
        "Fn::ImportValue" => throw new Unresolvable($"the value is imported from another stack's export ({Describe(argument)})"),
        "Fn::GetAZs" => throw new Unresolvable("Fn::GetAZs lists the availability zones only at deployment"),
        _ => throw new Unresolvable($"{name} is not resolved before deployment"),
    };

    /// <summary>The argument of a short-form tag is the tagged node itself; read without its tag.</summary>
    private static YamlNode Untagged(YamlNode node) =>
        Intrinsics.IsLocalTag(node) && node is YamlScalarNode scalar ? new YamlScalarNode(scalar.Value) : node;

    private string Describe(YamlNode argument)
    {
        try
        {
            return Text(Untagged(argument));
        }
        catch (Unresolvable)
        {
            return "an export name that is itself unresolved";
        }
    }

    public JsonNode? Ref(string name)
    {
        switch (name)
        {
            case "AWS::AccountId": return JsonValue.Create(scope.Settings.AccountId);
            case "AWS::Region": return JsonValue.Create(scope.Settings.Region);
            case "AWS::Partition": return JsonValue.Create("aws");
            case "AWS::URLSuffix": return JsonValue.Create("amazonaws.com");
            case "AWS::StackName": return JsonValue.Create(scope.StackName);
            case "AWS::NoValue": return NoValue;
            case "AWS::StackId" or "AWS::NotificationARNs": throw new Unresolvable($"{name} is known only at deployment");
        }

        if (scope.Parameters.TryGetValue(name, out var parameter))
        {
            return Parameter(name, parameter);
        }

        if (scope.Resources.TryGetValue(name, out var resource))
        {
            return JsonValue.Create(identity.Ref(resource));
        }

        throw new Unresolvable($"Ref {name} names no parameter or resource of {scope.Path}");
    }

    private JsonNode? Parameter(string name, YamlNode parameter)
    {
        if (parameter is not YamlMappingNode definition || TemplateFile.Child(definition, "Default") is not { } value)
        {
            throw new Unresolvable($"parameter {name} has no default: its value is given only at deployment");
        }

        var type = (TemplateFile.Child(definition, "Type") as YamlScalarNode)?.Value ?? "String";
        var text = Text(value);
        return type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)
            ? new JsonArray([.. text.Split(',').Select(item => (JsonNode)JsonValue.Create(item.Trim()))])
            : JsonValue.Create(text);
    }

    private JsonNode GetAtt(YamlNode argument)
    {
        var (logicalId, attribute) = Untagged(argument) switch
        {
            YamlScalarNode scalar when scalar.Value?.Split('.', 2) is [var id, var attr] => (id, attr),
            YamlSequenceNode { Children.Count: 2 } pair => (Text(pair[0]), Text(pair[1])),
            _ => throw new Unresolvable("Fn::GetAtt needs a resource and an attribute"),
        };
        return scope.Resources.TryGetValue(logicalId, out var resource)
            ? JsonValue.Create(identity.Attribute(resource, attribute))
            : throw new Unresolvable($"Fn::GetAtt {logicalId}.{attribute} names no resource of {scope.Path}");
    }

    private JsonNode Sub(YamlNode argument)
    {
        var (template, variables) = Untagged(argument) switch
        {
            YamlSequenceNode { Children.Count: 2 } pair when pair[1] is YamlMappingNode map => (Text(pair[0]), map),
            YamlSequenceNode { Children.Count: 1 } single => (Text(single[0]), null),
            var node => (Text(node), (YamlMappingNode?)null),
        };
        return JsonValue.Create(SubTemplate.Expand(template, name => SubVariable(name, variables)));
    }

    private string SubVariable(string name, YamlMappingNode? variables)
    {
        if (variables is not null && TemplateFile.Child(variables, name) is { } value)
        {
            return Text(value);
        }

        if (name.Split('.', 2) is [var logicalId, var attribute] && scope.Resources.TryGetValue(logicalId, out var resource))
        {
            return identity.Attribute(resource, attribute);
        }

        return Text(Ref(name), null);
    }

    private JsonNode Join(YamlNode argument)
    {
        if (Untagged(argument) is not YamlSequenceNode { Children.Count: 2 } pair)
        {
            throw new Unresolvable("Fn::Join needs a delimiter and a list");
        }

        var items = List(pair[1]).Select(item => Text(item, pair[1]));
        return JsonValue.Create(string.Join(Text(pair[0]), items));
    }

    private JsonNode? Select(YamlNode argument)
    {
        if (Untagged(argument) is not YamlSequenceNode { Children.Count: 2 } pair
            || !int.TryParse(Text(pair[0]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            throw new Unresolvable("Fn::Select needs an index and a list");
        }

        var items = List(pair[1]);
        return index >= 0 && index < items.Count ? items[index]?.DeepClone() : throw new Unresolvable($"Fn::Select index {index} is outside the list");
    }

    private JsonNode? If(YamlNode argument) =>
        Untagged(argument) is YamlSequenceNode { Children.Count: 3 } args
            ? Resolve(Condition(Text(args[0])) ? args[1] : args[2])
            : throw new Unresolvable("Fn::If needs a condition and two values");

    private JsonNode? FindInMap(YamlNode argument)
    {
        if (Untagged(argument) is not YamlSequenceNode { Children.Count: >= 3 } args)
        {
            throw new Unresolvable("Fn::FindInMap needs a map, a key and a second key");
        }

        var (map, top, second) = (Text(args[0]), Text(args[1]), Text(args[2]));
        if (scope.Mappings.TryGetValue(map, out var mapping) && mapping is YamlMappingNode tops
            && TemplateFile.Child(tops, top) is YamlMappingNode seconds && TemplateFile.Child(seconds, second) is { } value)
        {
            return Resolve(value);
        }

        throw new Unresolvable($"mapping {map} has no {top}/{second}");
    }

    private JsonNode Split(YamlNode argument) =>
        Untagged(argument) is YamlSequenceNode { Children.Count: 2 } pair
            ? new JsonArray([.. Text(pair[1]).Split(Text(pair[0])).Select(part => (JsonNode)JsonValue.Create(part))])
            : throw new Unresolvable("Fn::Split needs a delimiter and a string");

    private List<JsonNode?> List(YamlNode node) => Resolve(node) is JsonArray array
        ? [.. array]
        : throw new Unresolvable("a list was expected");

    private static string Text(JsonNode? value, YamlNode? node) => value switch
    {
        JsonValue text when text.TryGetValue<string>(out var s) => s,
        null => "",
        _ => throw new Unresolvable($"a text value was expected{(node is null ? "" : $" at line {node.Start.Line}")}"),
    };

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
