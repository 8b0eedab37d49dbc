using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Iac.CloudFormation;

/// <summary>The template's conditions: <c>Fn::Equals</c>, <c>Fn::Not</c>, <c>Fn::And</c>, <c>Fn::Or</c> and <c>Condition</c>.</summary>
internal sealed partial class ValueResolver
{
    private readonly HashSet<string> deciding = [];

    public bool Condition(string name)
    {
        if (!scope.Conditions.TryGetValue(name, out var condition))
        {
            throw new Unresolvable($"condition {name} is not defined");
        }

        if (!deciding.Add(name))
        {
            throw new Unresolvable($"condition {name} refers to itself");
        }

        try
        {
            return Truth(condition);
        }
        finally
        {
            deciding.Remove(name);
        }
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
            "Fn::And" when args is not null => Decide(args, decisive: false),
            "Fn::Or" when args is not null => Decide(args, decisive: true),
            "Condition" => Condition(Text(Untagged(argument))),
            // A condition function written wrong is not a value either: asking Function would ask Truth again.
            "Fn::Equals" or "Fn::Not" or "Fn::And" or "Fn::Or" => throw new Unresolvable($"{name} has the wrong arguments"),
            _ => Text(Function(name, argument), argument) == "true",
        };
    }

    /// <summary>
    /// And/Or over conditions some of which may be unresolved: one arm with the <paramref name="decisive"/> value
    /// decides, whatever the others are; otherwise an unresolved arm leaves the whole unresolved.
    /// </summary>
    private bool Decide(YamlSequenceNode arms, bool decisive)
    {
        Unresolvable? unknown = null;
        foreach (var arm in arms.Children)
        {
            try
            {
                if (Truth(arm) == decisive)
                {
                    return decisive;
                }
            }
            catch (Unresolvable why)
            {
                unknown ??= why;
            }
        }

        return unknown is null ? !decisive : throw unknown;
    }

    private static bool Same(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);
}
