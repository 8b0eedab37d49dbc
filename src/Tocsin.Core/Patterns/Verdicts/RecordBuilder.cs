using System.Text;
using System.Text.Json;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// Builds one record of the event space from a value per selected field. Shorter selectors are placed first;
/// a value that cannot coexist with one already placed (a field below a string) is left out, which is the same
/// record as that field missing.
/// </summary>
internal sealed class RecordBuilder
{
    private const string AnyKey = "tocsinAnyKey";
    private const string Filler = "\"tocsin-filler\"";
    private readonly ObjectNode _root = new();

    public void Place(JsonSelector selector, SpaceValue value)
    {
        if (value.Kind == SpaceValueKind.Missing)
        {
            return;
        }

        Node container = _root;
        var steps = selector.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            Node? Next() => last ? NodeFor(value) : steps[i + 1] is PropertyStep or AnyPropertyStep ? new ObjectNode() : new ArrayNode();
            var child = container switch
            {
                ObjectNode obj => obj.Child(KeyOf(steps[i]), Next),
                ArrayNode array => array.Child(IndexOf(steps[i]), Next),
                _ => null,
            };
            if (child is null)
            {
                return;
            }

            container = child;
        }
    }

    public string ToJson()
    {
        var json = new StringBuilder();
        Write(_root, json);
        return json.ToString();
    }

    private static Node NodeFor(SpaceValue value) => value.Kind switch
    {
        SpaceValueKind.Object => new ObjectNode(),
        SpaceValueKind.Array => new ArrayNode(),
        _ => new LeafNode(value.Raw),
    };

    private static string KeyOf(SelectorStep step) => step switch
    {
        PropertyStep property => property.Name,
        _ => AnyKey,
    };

    private static int IndexOf(SelectorStep step) => step switch
    {
        IndexStep index => index.Index,
        AnyElementStep => 0,
        _ => -1,
    };

    private static void Write(Node node, StringBuilder json)
    {
        switch (node)
        {
            case ObjectNode obj:
                json.Append('{');
                var first = true;
                foreach (var (key, child) in obj.Children)
                {
                    json.Append(first ? "" : ",").Append(JsonText.Quote(key)).Append(':');
                    Write(child, json);
                    first = false;
                }

                json.Append('}');
                break;
            case ArrayNode array:
                json.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    json.Append(i == 0 ? "" : ",");
                    if (array.Items[i] is { } item)
                    {
                        Write(item, json);
                    }
                    else
                    {
                        json.Append(Filler);
                    }
                }

                json.Append(']');
                break;
            case LeafNode leaf:
                json.Append(leaf.Raw);
                break;
        }
    }

    private abstract class Node;

    private sealed class LeafNode(string raw) : Node
    {
        public string Raw { get; } = raw;
    }

    private sealed class ObjectNode : Node
    {
        public List<(string Key, Node Child)> Children { get; } = [];

        /// <summary>The existing child if it is a container of the right kind, a new one if absent, else null.</summary>
        public Node? Child(string key, Func<Node?> create)
        {
            var index = Children.FindIndex(entry => entry.Key == key);
            if (index >= 0)
            {
                return Compatible(Children[index].Child, create);
            }

            var made = create();
            if (made is not null)
            {
                Children.Add((key, made));
            }

            return made;
        }
    }

    private sealed class ArrayNode : Node
    {
        public List<Node?> Items { get; } = [];

        public Node? Child(int index, Func<Node?> create)
        {
            if (index < 0)
            {
                return null;
            }

            while (Items.Count <= index)
            {
                Items.Add(null);
            }

            if (Items[index] is { } existing)
            {
                return Compatible(existing, create);
            }

            return Items[index] = create();
        }
    }

    private static Node? Compatible(Node existing, Func<Node?> create)
    {
        var wanted = create();
        return (existing, wanted) switch
        {
            (ObjectNode, ObjectNode) or (ArrayNode, ArrayNode) => existing,
            _ => null,
        };
    }
}
