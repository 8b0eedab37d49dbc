using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// The selectors of one JSON pattern merged into a tree of steps, so one pass over an event follows every selector
/// at once. Node 0 is the root <c>$</c>; each node lists the conditions whose selector ends there.
/// </summary>
internal sealed class JsonSelectorTree
{
    private readonly List<Node> _nodes = [new Node()];

    public int NodeCount => _nodes.Count;

    /// <summary>The most steps in any selector: bounds how many containers the reader follows at once.</summary>
    public int MaxSteps { get; private set; }

    public void Add(JsonSelector selector, int conditionIndex) => _nodes[NodeFor(selector)].Conditions.Add(conditionIndex);

    /// <summary>Adds a selector whose string values are captured into slot <paramref name="slot"/> (see <see cref="CapturedText"/>).</summary>
    public void AddCapture(JsonSelector selector, int slot) => _nodes[NodeFor(selector)].Captures.Add(slot);

    public ReadOnlySpan<int> ConditionsAt(int node) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_nodes[node].Conditions);

    public ReadOnlySpan<int> CapturesAt(int node) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_nodes[node].Captures);

    public bool HasChildren(int node)
    {
        var n = _nodes[node];
        return n.Properties.Count > 0 || n.Indexes.Count > 0 || n.Wildcard >= 0;
    }

    /// <summary>Adds to <paramref name="into"/> the children of <paramref name="node"/> that a property called
    /// <paramref name="name"/> reaches: the named child and the wildcard child.</summary>
    public int AddPropertyChildren(int node, ReadOnlySpan<byte> name, Span<int> into, int count)
    {
        var n = _nodes[node];
        foreach (var (childName, child) in n.Properties)
        {
            if (name.SequenceEqual(childName))
            {
                into[count++] = child;
                break;
            }
        }

        if (n.Wildcard >= 0)
            into[count++] = n.Wildcard;
        return count;
    }

    /// <summary>Adds the children that array element <paramref name="index"/> reaches: the indexed child and the wildcard child.</summary>
    public int AddElementChildren(int node, int index, Span<int> into, int count)
    {
        var n = _nodes[node];
        foreach (var (childIndex, child) in n.Indexes)
        {
            if (childIndex == index)
            {
                into[count++] = child;
                break;
            }
        }

        if (n.Wildcard >= 0)
            into[count++] = n.Wildcard;
        return count;
    }

    private int NodeFor(JsonSelector selector)
    {
        var current = 0;
        foreach (var step in selector.Steps)
            current = ChildFor(current, step);
        MaxSteps = Math.Max(MaxSteps, selector.Steps.Count);
        return current;
    }

    private int ChildFor(int parent, SelectorStep step)
    {
        var node = _nodes[parent];
        switch (step)
        {
            case PropertyStep property:
            {
                var name = Encoding.UTF8.GetBytes(property.Name);
                foreach (var (existing, child) in node.Properties)
                {
                    if (existing.AsSpan().SequenceEqual(name))
                        return child;
                }

                var created = NewNode();
                node.Properties.Add((name, created));
                return created;
            }
            case IndexStep index:
            {
                foreach (var (existing, child) in node.Indexes)
                {
                    if (existing == index.Index)
                        return child;
                }

                var created = NewNode();
                node.Indexes.Add((index.Index, created));
                return created;
            }
            default:
                // [*] and .* select the same nodes (UnsettledSemantics.WildcardSelectorsAreExistential).
                if (node.Wildcard < 0)
                    node.Wildcard = NewNode();
                return node.Wildcard;
        }
    }

    private int NewNode()
    {
        _nodes.Add(new Node());
        return _nodes.Count - 1;
    }

    private sealed class Node
    {
        public List<(byte[] Name, int Child)> Properties { get; } = [];

        public List<(int Index, int Child)> Indexes { get; } = [];

        public int Wildcard { get; set; } = -1;

        public List<int> Conditions { get; } = [];

        public List<int> Captures { get; } = [];
    }
}
