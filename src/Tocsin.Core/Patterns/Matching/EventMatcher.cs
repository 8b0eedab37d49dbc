using System.Buffers;
using System.Text;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>One compiled pattern form. Implementations are immutable after construction, hence thread-safe.</summary>
internal abstract class EventMatcher
{
    private const int StackEncodeLimit = 2048;

    public abstract bool Matches(ReadOnlySpan<byte> utf8Message);

    /// <summary>The same outcome, sharing key scans with other patterns of a <see cref="PatternMatcherSet"/>.</summary>
    public virtual bool Matches(ReadOnlySpan<byte> utf8Message, KeyValueScan scan) => Matches(utf8Message);

    public virtual bool Matches(string message)
    {
        var length = Encoding.UTF8.GetMaxByteCount(message.Length);
        byte[]? rented = null;
        var buffer = length <= StackEncodeLimit ? stackalloc byte[StackEncodeLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(message, buffer);
            return Matches(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>What TestMetricFilter reports for a matching message; empty unless the form extracts values.</summary>
    public virtual IReadOnlyDictionary<string, string> ExtractedValues(string message) => EmptyValues;

    protected static IReadOnlyDictionary<string, string> EmptyValues { get; } = new Dictionary<string, string>();
}

/// <summary>The empty pattern: every event matches.</summary>
internal sealed class MatchAllMatcher : EventMatcher
{
    public override bool Matches(ReadOnlySpan<byte> utf8Message) => true;

    public override bool Matches(string message) => true;
}

/// <summary>A standalone <c>%regex%</c>, searched anywhere in the raw message (SPEC §4).</summary>
internal sealed class RegexMatcher(CloudWatchRegex regex) : EventMatcher
{
    public override bool Matches(ReadOnlySpan<byte> utf8Message) => regex.IsMatch(utf8Message);

    public override bool Matches(string message) => regex.IsMatch(message.AsSpan());
}
