using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// Words and quoted phrases as case-sensitive substrings of the raw message (SPEC §3): every plain term must
/// occur, no <c>-</c> term may occur, and <c>?</c> terms count only when every term is a <c>?</c> term, in which
/// case one of them must occur.
/// </summary>
internal sealed class TermMatcher : EventMatcher
{
    private readonly byte[][] _required;
    private readonly byte[][] _excluded;
    private readonly byte[][] _optional;

    public TermMatcher(TermPattern pattern)
    {
        byte[][] Of(TermKind kind) => pattern.Terms
            .Where(term => term.Kind == kind)
            .Select(term => Encoding.UTF8.GetBytes(term.Text))
            .ToArray();

        _required = Of(TermKind.Required);
        _excluded = Of(TermKind.Excluded);
        // "?" terms are ignored as soon as any other term is present (DOC-UNSTR: ?ERROR ?ARGUMENTS REQUEST = REQUEST).
        _optional = _required.Length + _excluded.Length > 0 ? [] : Of(TermKind.Optional);
    }

    public override bool Matches(ReadOnlySpan<byte> utf8Message)
    {
        foreach (var term in _required)
        {
            if (!Contains(utf8Message, term))
                return false;
        }

        foreach (var term in _excluded)
        {
            if (Contains(utf8Message, term))
                return false;
        }

        if (_optional.Length == 0)
            return true;
        foreach (var term in _optional)
        {
            if (Contains(utf8Message, term))
                return true;
        }

        return false;
    }

    private static readonly byte[] PresentEverywhere = Encoding.UTF8.GetBytes(UnsettledSemantics.TermPresentInEveryEvent);

    // See UnsettledSemantics.TermPresentInEveryEvent: " " and "" are present in every event.
    private static bool Contains(ReadOnlySpan<byte> message, byte[] term) =>
        term.Length == 0 || term.AsSpan().SequenceEqual(PresentEverywhere) || message.IndexOf(term) >= 0;
}
