using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Iac.CloudFormation;

/// <summary>The template's conditions: <c>Fn::Equals</c>, <c>Fn::Not</c>, <c>Fn::And</c>, <c>Fn::Or</c> and <c>Condition</c>.</summary>
internal sealed partial class ValueResolver
{
    public bool Condition(string name)
    {
        if (!scope.Conditions.TryGetValue(name, out var condition))
        {
            throw new Unresolvable($"condition {name} is not defined");
        }

        return Truth(condition);
    }

    private bool Truth(YamlNode node) =>
        Intrinsics.Of(node) is { } intrinsic ? Truth(intrinsic.Name, intrinsic.Argument) : Text(node) == "true";

    private bool Truth(string name, YamlNode argument)
    {
        var args = argument as YamlSequenceNode;
        return name switch
        {
            "Fn::Equals" when args is { Children.Count: 2 } => Same(Resolve(args[0]), Resolve(args[1])),
            "Fn::Not" when args is { Children.Count: 1 } => !Truth(args[0]),
            "Fn::And" when args is not null => args.Children.All(Truth),
            "Fn::Or" when args is not null => args.Children.Any(Truth),
            "Condition" => Condition(Text(Untagged(argument))),
            _ => Text(Function(name, argument), argument) == "true",
        };
    }

    private static bool Same(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);
}
