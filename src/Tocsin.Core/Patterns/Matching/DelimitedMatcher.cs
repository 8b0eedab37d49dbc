using System.Globalization;
using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// A space-delimited pattern (SPEC §6): pattern fields bind event fields by position, <c>...</c> takes any number
/// of fields, and each field's conditions test the bound value. Field count rule:
/// <see cref="UnsettledSemantics.LastDelimitedFieldTakesTheRest"/>.
/// </summary>
internal sealed class DelimitedMatcher : EventMatcher
{
    private readonly Slot[] _slots;
    private readonly bool _hasEllipsis;

    public DelimitedMatcher(DelimitedPattern pattern)
    {
        _slots = pattern.Fields.Select(field => field switch
        {
            EllipsisField => Slot.Ellipsis,
            NamedField named => new Slot(false, named.Name, named.Condition is null ? null : FieldTest.Compile(named.Condition)),
            _ => throw new ArgumentException($"Unknown delimited field {field.GetType().Name}", nameof(pattern)),
        }).ToArray();
        _hasEllipsis = _slots.Any(slot => slot.IsEllipsis);
    }

    public override bool Matches(ReadOnlySpan<byte> utf8Message) => Matches(Encoding.UTF8.GetString(utf8Message));

    public override bool Matches(string message) => Bind(message) is not null;

    public override IReadOnlyDictionary<string, string> ExtractedValues(string message) => Bind(message) ?? EmptyValues;

    /// <summary>The extracted values when the message matches, else null.</summary>
    private Dictionary<string, string>? Bind(string message)
    {
        var tokens = DelimitedEvent.Split(message);
        var bound = new int[_slots.Length];
        var values = new string[_slots.Length];
        if (_slots.Length == 0)
            return Extract(tokens, bound, values, lastTakesRest: false);

        if (!_hasEllipsis)
        {
            if (tokens.Count < _slots.Length)
                return null;
            var lastTakesRest = tokens.Count > _slots.Length;
            for (var i = 0; i < _slots.Length; i++)
            {
                values[i] = i == _slots.Length - 1 && lastTakesRest
                    ? message[tokens[i].Start..].TrimEnd(UnsettledSemantics.DelimitedFieldSeparators.ToCharArray())
                    : tokens[i].Value;
                if (!_slots[i].Accepts(values[i]))
                    return null;
                bound[i] = i;
            }

            return Extract(tokens, bound, values, lastTakesRest);
        }

        var failed = new HashSet<(int, int)>();
        return BindFrom(0, 0, tokens, bound, values, failed) ? Extract(tokens, bound, values, lastTakesRest: false) : null;
    }

    /// <summary>Binds slots from <paramref name="slot"/> on to tokens from <paramref name="token"/> on; an ellipsis
    /// tries the fewest fields first. Failed states are remembered, so several ellipses stay polynomial.</summary>
    private bool BindFrom(int slot, int token, List<DelimitedToken> tokens, int[] bound, string[] values, HashSet<(int, int)> failed)
    {
        if (slot == _slots.Length)
            return token == tokens.Count;
        if (failed.Contains((slot, token)))
            return false;

        var ok = false;
        if (_slots[slot].IsEllipsis)
        {
            for (var next = token; next <= tokens.Count && !ok; next++)
                ok = BindFrom(slot + 1, next, tokens, bound, values, failed);
        }
        else if (token < tokens.Count && _slots[slot].Accepts(tokens[token].Value))
        {
            bound[slot] = token;
            values[slot] = tokens[token].Value;
            ok = BindFrom(slot + 1, token + 1, tokens, bound, values, failed);
        }

        if (!ok)
            failed.Add((slot, token));
        return ok;
    }

    /// <summary>Every event field once: <c>$name</c> for a field a named slot bound, <c>$position</c> otherwise.</summary>
    private Dictionary<string, string> Extract(List<DelimitedToken> tokens, int[] bound, string[] values, bool lastTakesRest)
    {
        var names = new string?[tokens.Count];
        var texts = tokens.Select(token => token.Value).ToArray();
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].IsEllipsis)
                continue;
            names[bound[i]] = _slots[i].Name;
            texts[bound[i]] = values[i];
        }

        var count = lastTakesRest ? _slots.Length : tokens.Count;
        var extracted = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
            extracted["$" + (names[i] ?? (i + 1).ToString(CultureInfo.InvariantCulture))] = texts[i];
        return extracted;
    }

    private sealed record Slot(bool IsEllipsis, string? Name, FieldTest? Test)
    {
        public static readonly Slot Ellipsis = new(true, null, null);

        public bool Accepts(string value) => Test is null || Test.Holds(value);
    }
}
