using System.Buffers;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Tocsin.Core.Yaml;

/// <summary>
/// Loads the first document of a YAML text for the readers of user files (exceptions, tocsin.yaml, CloudFormation),
/// so that every way the text can be bad comes out as a <see cref="YamlException"/> with a position: collections
/// nested deeper than <see cref="MaxNesting"/> are refused (YamlDotNet's time grows faster than the text with depth,
/// 80 KB of 16,000 nested levels took 5 s, and it recurses once per level), and the
/// <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/> (a bad <c>%TAG</c>) it throws on some malformed text becomes a refusal there.
/// </summary>
public static class YamlDocuments
{
    /// <summary>Far deeper than any exceptions file, tocsin.yaml or template is written.</summary>
    public const int MaxNesting = 128;

    /// <summary>
    /// How many values aliases may add once followed: aliases of aliases double at each level (300 bytes can stand for
    /// billions of values), and the readers walk every copy. No real file comes near.
    /// </summary>
    public const int MaxAliasedNodes = 100_000;

    /// <summary>The root node of the first document, or null for a text with no document.</summary>
    public static YamlNode? LoadFirst(TextReader reader)
    {
        var parser = new NestingLimit(new Parser(reader));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                return null;
            }

            var root = stream.Documents[0].RootNode;
            var depths = new Dictionary<YamlNode, int>(ReferenceEqualityComparer.Instance);
            Depth(root, depths, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
            var sizes = new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance);
            if (Size(root, sizes) > depths.Count + MaxAliasedNodes)
            {
                throw new YamlException(root.Start, root.End, $"the aliases repeat more than {MaxAliasedNodes:N0} values: every reader would walk each copy (an alias bomb?)");
            }

            return root;
        }
        catch (Exception broken) when (broken is InvalidOperationException or ArgumentException)
        {
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "the text cannot be read past this point", broken);
        }
    }

    /// <summary>
    /// How deep the node graph goes once aliases are followed: an alias names a node already read, so text nested
    /// shallowly can still reach deep (aliases of aliases), or loop (a collection that holds an alias of itself), and
    /// every reader would then recurse without end. Both are refused where they happen.
    /// </summary>
    private static int Depth(YamlNode node, Dictionary<YamlNode, int> known, HashSet<YamlNode> open)
    {
        if (known.TryGetValue(node, out var depth))
        {
            return depth;
        }

        if (!open.Add(node))
        {
            throw new YamlException(node.Start, node.End, "an alias refers to a collection that holds it: the document would never end");
        }

        IEnumerable<YamlNode> children = node switch
        {
            YamlMappingNode mapping => mapping.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };
        depth = 1 + children.Select(child => Depth(child, known, open)).DefaultIfEmpty(0).Max();
        if (depth > MaxNesting)
        {
            throw new YamlException(node.Start, node.End, $"collections are nested more than {MaxNesting} levels deep once aliases are followed");
        }

        open.Remove(node);
        known[node] = depth;
        return depth;
    }

    /// <summary>How many nodes the graph holds with every alias followed (a copy counted each time), stopping early past the limit.</summary>
    private static long Size(YamlNode node, Dictionary<YamlNode, long> known)
    {
        if (known.TryGetValue(node, out var size))
        {
            return size;
        }

        size = 1;
        IEnumerable<YamlNode> children = node switch
        {
            YamlMappingNode mapping => mapping.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            size = Math.Min(size + Size(child, known), long.MaxValue / 4);
        }

        known[node] = size;
        return size;
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        var rest = text.AsSpan();
        if (!rest.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return false;
        }

        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var used) != OperationStatus.Done)
            {
                return true;
            }

            rest = rest[used..];
        }

        return false;
    }

    /// <summary>
    /// Refuses, as the events arrive, collections nested past <see cref="MaxNesting"/>, an alias to an anchor not
    /// yet complete (the collection holding it, which YamlDotNet would compare with itself without end) or not defined,
    /// and a scalar escaping half of a surrogate pair (every later reading of it as UTF-8 or JSON would throw).
    /// </summary>
    private sealed class NestingLimit(IParser inner) : IParser
    {
        private readonly Stack<string?> _open = new();
        private readonly HashSet<string> _complete = new(StringComparer.Ordinal);

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            var current = inner.Current!;
            switch (current)
            {
                case NodeEvent { Anchor.IsEmpty: false } node when node is not (MappingStart or SequenceStart):
                    _complete.Add(node.Anchor.Value);
                    break;
                case Scalar scalar when HasUnpairedSurrogate(scalar.Value):
                    // only text handed over as a string can hold one (YAML refuses the escape, decoding a file never makes one)
                    throw new YamlException(current.Start, current.End, "the text holds half of a UTF-16 surrogate pair (such as U+D800 alone): no file can hold that character");
                case AnchorAlias alias when !_complete.Contains(alias.Value.Value):
                    throw new YamlException(current.Start, current.End, _open.Contains(alias.Value.Value)
                        ? $"the alias *{alias.Value.Value} refers to a collection that holds it: the document would never end"
                        : $"the alias *{alias.Value.Value} refers to no anchor before it");
            }

            switch (current)
            {
                case MappingStart or SequenceStart when _open.Count >= MaxNesting:
                    throw new YamlException(current.Start, current.End, $"collections are nested more than {MaxNesting} levels deep");
                case MappingStart or SequenceStart:
                    _open.Push(((NodeEvent)current).Anchor.IsEmpty ? null : ((NodeEvent)current).Anchor.Value);
                    break;
                case MappingEnd or SequenceEnd when _open.Count > 0:
                    if (_open.Pop() is { } anchor)
                    {
                        _complete.Add(anchor);
                    }

                    break;
            }

            return true;
        }
    }
}
