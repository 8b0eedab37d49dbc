using Tocsin.Core.EventPatterns;

namespace Tocsin.Backtest.Subjects;

/// <summary>
/// The texts a CloudTrail record must hold, as written, for the event EventBridge delivers for it to match a pattern:
/// taken from a top-level <c>detail-type</c> (else <c>source</c>) that lists exact strings only, which the envelope
/// makes from the record's <c>eventType</c> (<c>eventSource</c>) (<see cref="CloudTrailEnvelope"/>). Any other pattern
/// has none, and every record must be tried.
/// </summary>
internal static class EventPatternAnchors
{
    private const string SourcePrefix = "aws.";

    public static IReadOnlyList<string>? Of(EventPattern pattern)
    {
        var leaves = pattern.Root.Members.OfType<LeafField>().ToList();
        var texts = ExactStrings(leaves, "detail-type")?.SelectMany(EventTypesFor).ToList()
            ?? ExactStrings(leaves, "source")?.Select(EventSourceTextFor).ToList();

        // A text JSON may write with a short escape (\" \\ \/ or a control character) could hide from a search for
        // it as it is; an empty one holds no information.
        return texts is null || texts.Any(text => text.Length == 0 || text.Any(c => c is '"' or '\\' or '/' || char.IsControl(c)))
            ? null
            : [.. texts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The values of the leaf <paramref name="name"/> when every one of its matchers is an exact string.</summary>
    private static IEnumerable<string>? ExactStrings(List<LeafField> leaves, string name)
    {
        var leaf = leaves.FirstOrDefault(field => field.Name == name);
        return leaf is not null && leaf.Matchers.All(matcher => matcher is ExactString)
            ? leaf.Matchers.Cast<ExactString>().Select(exact => exact.Text)
            : null;
    }

    /// <summary>
    /// The <c>eventType</c> values whose detail-type is <paramref name="detailType"/>: those CloudTrail writes for it,
    /// and the text itself, which an <c>eventType</c> CloudTrail does not write is carried as.
    /// </summary>
    private static IEnumerable<string> EventTypesFor(string detailType) =>
        CloudTrailEnvelope.DetailTypeByEventType.Where(pair => pair.Value == detailType).Select(pair => pair.Key).Append(detailType);

    /// <summary>
    /// <c>aws.signin</c> comes from <c>signin.amazonaws.com</c> or <c>signin</c>: both hold <c>signin</c>. A source
    /// without the <c>aws.</c> prefix never comes from a record; its own text rules out nothing it could match.
    /// </summary>
    private static string EventSourceTextFor(string source) =>
        source.StartsWith(SourcePrefix, StringComparison.Ordinal) ? source[SourcePrefix.Length..] : source;
}
