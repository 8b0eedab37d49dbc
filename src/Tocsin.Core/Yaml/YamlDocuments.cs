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

    /// <summary>The root node of the first document, or null for a text with no document.</summary>
    public static YamlNode? LoadFirst(TextReader reader)
    {
        var parser = new NestingLimit(new Parser(reader));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (Exception broken) when (broken is InvalidOperationException or ArgumentException)
        {
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "the text cannot be read past this point", broken);
        }
    }

    private sealed class NestingLimit(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case MappingStart or SequenceStart when ++_depth > MaxNesting:
                    throw new YamlException(inner.Current.Start, inner.Current.End, $"collections are nested more than {MaxNesting} levels deep");
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }

            return true;
        }
    }
}
