using System.Buffers;
using System.Text;
using System.Text.Json;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// A JSON pattern (SPEC §5) over raw UTF-8. First a literal prefilter rules out events that cannot match; the
/// rest are read once with <see cref="Utf8JsonReader"/>, following only the selected paths (other subtrees are
/// skipped, never materialised), while each selected node is tested against the conditions that select it. The
/// whole message must be valid JSON: a malformed event never matches.
/// </summary>
internal sealed class JsonPatternMatcher : EventMatcher
{
    private const int StackLimit = 512;

    /// <summary>The pattern's boolean structure over per-condition results.</summary>
    private delegate bool ConditionsHold(ReadOnlySpan<bool> satisfied, ReadOnlySpan<bool> selected);

    private static readonly byte[] UnicodeEscape = "\\u"u8.ToArray();

    private readonly JsonCondition[] _conditions;
    private readonly JsonConditionTest[] _tests;
    private readonly JsonSelectorTree _tree = new();
    private readonly JsonLiteralPrefilter _prefilter;
    private readonly ConditionsHold _evaluate;

    public JsonPatternMatcher(JsonPattern pattern)
    {
        var conditions = new List<JsonCondition>();
        _evaluate = CompileExpression(pattern.Expression, conditions);
        _conditions = conditions.ToArray();
        _tests = _conditions.Select(condition => new JsonConditionTest(condition)).ToArray();
        for (var i = 0; i < _conditions.Length; i++)
            _tree.Add(_conditions[i].Selector, i);
        _prefilter = new JsonLiteralPrefilter(pattern.Expression);
    }

    internal JsonLiteralPrefilter Prefilter => _prefilter;

    public override bool Matches(ReadOnlySpan<byte> utf8Message) => Matches(utf8Message, scan: null);

    public override bool Matches(ReadOnlySpan<byte> utf8Message, KeyValueScan? scan) =>
        MustRead(utf8Message, scan) && Evaluate(utf8Message, captures: null);

    /// <summary>
    /// False when the event cannot match without reading it: it is not a JSON object or array, or it lacks a text the
    /// pattern needs (and has no <c>\u</c> escape that could spell it). True means only reading the event can tell.
    /// </summary>
    internal bool MustRead(ReadOnlySpan<byte> utf8Message, KeyValueScan? scan) =>
        StartsLikeObjectOrArray(utf8Message)
        && (_prefilter.MayMatch(utf8Message, scan) || utf8Message.IndexOf(UnicodeEscape) >= 0);

    /// <summary>Reads the event (one <see cref="MustRead"/> has not ruled out) and says whether the pattern matches it.</summary>
    internal bool Read(ReadOnlySpan<byte> utf8Message) => Evaluate(utf8Message, captures: null);

    /// <summary>The pattern's conditions, in the order <see cref="Holds"/> indexes them.</summary>
    internal IReadOnlyList<JsonCondition> Conditions => _conditions;

    /// <summary>Whether the pattern holds, given for each of its conditions whether a node satisfied it and whether any was selected.</summary>
    internal bool Holds(ReadOnlySpan<bool> satisfied, ReadOnlySpan<bool> selected) => _evaluate(satisfied, selected);

    public override IReadOnlyDictionary<string, string> ExtractedValues(string message)
    {
        // See UnsettledSemantics.JsonExtractsSelectedValues.
        var captures = new Dictionary<int, string>();
        if (!Evaluate(Encoding.UTF8.GetBytes(message), captures))
            return EmptyValues;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (condition, text) in captures.OrderBy(pair => pair.Key))
            values.TryAdd(_conditions[condition].Selector.Text, text);
        return values;
    }

    private bool Evaluate(ReadOnlySpan<byte> message, Dictionary<int, string>? captures)
    {
        var count = _conditions.Length;
        Span<bool> satisfied = count <= StackLimit ? stackalloc bool[count] : new bool[count];
        Span<bool> selected = count <= StackLimit ? stackalloc bool[count] : new bool[count];
        satisfied.Clear();
        selected.Clear();
        return Walk(_tree, _tests, message, satisfied, selected, captures, captured: []) && _evaluate(satisfied, selected);
    }

    /// <summary>
    /// Reads the whole event, marking for each condition of the tree whether its selector selected any node and whether
    /// any selected node satisfied it (<paramref name="tests"/>[i] tests condition i). False when the message is not a
    /// JSON object or array, or is not valid JSON. <paramref name="captured"/>[slot] gets the last string each capture
    /// selector of the tree reached (<see cref="CaptureState.NotRead"/> for all when the walk returns false); empty
    /// when the caller wants none.
    /// </summary>
    internal static bool Walk(JsonSelectorTree tree, JsonConditionTest[] tests, ReadOnlySpan<byte> message, Span<bool> satisfied, Span<bool> selected, Dictionary<int, string>? captures, Span<CapturedText> captured)
    {
        captured.Fill(CapturedText.Absent);
        if (WalkTree(tree, tests, message, satisfied, selected, captures, captured))
            return true;
        captured.Clear();
        return false;
    }

    private static bool WalkTree(JsonSelectorTree tree, JsonConditionTest[] tests, ReadOnlySpan<byte> message, Span<bool> satisfied, Span<bool> selected, Dictionary<int, string>? captures, Span<CapturedText> captured)
    {
        var nodeCount = tree.NodeCount;
        var maxFrames = tree.MaxSteps + 1;
        var setsLength = nodeCount * (maxFrames + 1);
        int[]? rentedSets = null;
        byte[]? rentedText = null;
        var sets = setsLength <= StackLimit ? stackalloc int[StackLimit] : (rentedSets = ArrayPool<int>.Shared.Rent(setsLength));
        Span<int> frameLength = maxFrames <= 64 ? stackalloc int[64] : new int[maxFrames];
        Span<int> frameIndex = maxFrames <= 64 ? stackalloc int[64] : new int[maxFrames];
        Span<bool> frameIsArray = maxFrames <= 64 ? stackalloc bool[64] : new bool[maxFrames];
        try
        {
            var reader = new Utf8JsonReader(message, new JsonReaderOptions { MaxDepth = UnsettledSemantics.MaxJsonDepth });
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                return false; // UnsettledSemantics.JsonEventMustBeObjectOrArray

            // The set of tree nodes the next value reaches lives in the slot after the open frames.
            var frames = 0;
            var pending = sets.Slice(0, nodeCount);
            pending[0] = 0;
            var pendingCount = 1;
            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                    {
                        var parent = sets.Slice((frames - 1) * nodeCount, frameLength[frames - 1]);
                        pending = sets.Slice(frames * nodeCount, nodeCount);
                        pendingCount = 0;
                        var name = Unescaped(ref reader, ref rentedText);
                        foreach (var node in parent)
                            pendingCount = tree.AddPropertyChildren(node, name, pending, pendingCount);
                        continue;
                    }
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames--;
                        continue;
                    case JsonTokenType.Comment or JsonTokenType.None:
                        continue;
                }

                if (frames > 0 && frameIsArray[frames - 1])
                {
                    var parent = sets.Slice((frames - 1) * nodeCount, frameLength[frames - 1]);
                    pending = sets.Slice(frames * nodeCount, nodeCount);
                    pendingCount = 0;
                    var index = frameIndex[frames - 1]++;
                    foreach (var node in parent)
                        pendingCount = tree.AddElementChildren(node, index, pending, pendingCount);
                }

                var isContainer = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
                if (pendingCount == 0)
                {
                    if (isContainer)
                        reader.Skip();
                    continue;
                }

                var kind = KindOf(reader.TokenType);
                var text = kind is JsonNodeKind.String or JsonNodeKind.Number
                    ? Unescaped(ref reader, ref rentedText)
                    : ReadOnlySpan<byte>.Empty;
                var descend = false;
                foreach (var node in pending[..pendingCount])
                {
                    foreach (var condition in tree.ConditionsAt(node))
                    {
                        selected[condition] = true;
                        if (!satisfied[condition] && tests[condition].Test(kind, text))
                            satisfied[condition] = true;
                        if (captures is not null && !isContainer && !captures.ContainsKey(condition))
                            captures[condition] = kind switch
                            {
                                JsonNodeKind.True => "true",
                                JsonNodeKind.False => "false",
                                JsonNodeKind.Null => "null",
                                _ => Encoding.UTF8.GetString(text),
                            };
                    }

                    if (kind == JsonNodeKind.String && !captured.IsEmpty)
                    {
                        foreach (var slot in tree.CapturesAt(node))
                            captured[slot] = reader.ValueIsEscaped ? CapturedText.Escaped : new CapturedText(CaptureState.Found, (int)reader.TokenStartIndex + 1, text.Length);
                    }

                    descend |= tree.HasChildren(node);
                }

                if (isContainer)
                {
                    if (descend)
                    {
                        // The pending set already sits in this frame's slot.
                        frameLength[frames] = pendingCount;
                        frameIndex[frames] = 0;
                        frameIsArray[frames] = reader.TokenType == JsonTokenType.StartArray;
                        frames++;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                pendingCount = 0;
            }
            while (reader.Read());

            return true;
        }
        catch (JsonException)
        {
            return false; // malformed JSON: the event is not a JSON event and matches no JSON pattern
        }
        catch (InvalidOperationException)
        {
            return false; // a string with invalid UTF-8 or escapes cannot be unescaped
        }
        finally
        {
            if (rentedSets is not null)
                ArrayPool<int>.Shared.Return(rentedSets);
            if (rentedText is not null)
                ArrayPool<byte>.Shared.Return(rentedText);
        }
    }

    /// <summary>The current string or number token's text; only escaped strings are copied (into a pooled buffer).</summary>
    private static ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader, ref byte[]? buffer)
    {
        if (!reader.ValueIsEscaped)
            return reader.ValueSpan;
        var length = reader.ValueSpan.Length;
        if (buffer is null || buffer.Length < length)
        {
            if (buffer is not null)
                ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 256));
        }

        var written = reader.CopyString(buffer);
        return buffer.AsSpan(0, written);
    }

    private static JsonNodeKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.String => JsonNodeKind.String,
        JsonTokenType.Number => JsonNodeKind.Number,
        JsonTokenType.True => JsonNodeKind.True,
        JsonTokenType.False => JsonNodeKind.False,
        JsonTokenType.Null => JsonNodeKind.Null,
        JsonTokenType.StartObject => JsonNodeKind.Object,
        _ => JsonNodeKind.Array,
    };

    private static bool StartsLikeObjectOrArray(ReadOnlySpan<byte> message)
    {
        foreach (var b in message)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                continue;
            return b is (byte)'{' or (byte)'[';
        }

        return false;
    }

    /// <summary>
    /// Turns the boolean structure into a function of the per-condition results. A comparison holds when some
    /// selected node satisfied it (one node without a wildcard selector); <c>NOT EXISTS</c> holds when nothing was
    /// selected. See UnsettledSemantics.WildcardSelectorsAreExistential and DuplicateKeysAreAllSelected.
    /// </summary>
    private static ConditionsHold CompileExpression(JsonExpression expression, List<JsonCondition> conditions)
    {
        switch (expression)
        {
            case JsonCondition condition:
            {
                var index = conditions.Count;
                conditions.Add(condition);
                if (condition.Operator == ComparisonOperator.NotExists)
                    return (_, selected) => !selected[index];
                return (satisfied, _) => satisfied[index];
            }
            case JsonAnd and:
            {
                var operands = and.Operands.Select(operand => CompileExpression(operand, conditions)).ToArray();
                return (satisfied, selected) =>
                {
                    foreach (var operand in operands)
                    {
                        if (!operand(satisfied, selected))
                            return false;
                    }

                    return true;
                };
            }
            case JsonOr or:
            {
                var operands = or.Operands.Select(operand => CompileExpression(operand, conditions)).ToArray();
                return (satisfied, selected) =>
                {
                    foreach (var operand in operands)
                    {
                        if (operand(satisfied, selected))
                            return true;
                    }

                    return false;
                };
            }
            default:
                throw new ArgumentException($"Unknown JSON expression {expression.GetType().Name}", nameof(expression));
        }
    }
}
