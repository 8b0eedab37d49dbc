using System.Text.RegularExpressions;
using Tocsin.Core.Patterns.Syntax;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.EventPatterns;

/// <summary>
/// The fields of a CloudTrail record an event pattern tests, as probes of the judge's record space: a leaf under
/// <c>detail</c> tests the record field of the same path; <c>source</c>, <c>detail-type</c>, <c>region</c>,
/// <c>account</c>, <c>time</c> and <c>id</c> test the record field the envelope derives them from. Other leaves
/// (<c>version</c>, <c>resources</c>, fields no CloudTrail event has) are the same for every record and need no probe.
/// </summary>
internal static partial class EventPatternProbes
{
    private static readonly Dictionary<string, string> EnvelopeFields = new(StringComparer.Ordinal)
    {
        ["source"] = "eventSource",
        ["detail-type"] = "eventType",
        ["region"] = "awsRegion",
        ["account"] = "recipientAccountId",
        ["time"] = "eventTime",
        ["id"] = "eventID",
    };

    public static List<FieldProbe> Of(EventPattern pattern) => [.. Leaves(pattern.Root, []).Select(leaf => Probe(leaf.Path, leaf.Leaf)).OfType<FieldProbe>()];

    /// <summary>Every leaf with its path of field names (<c>$or</c> adds no step).</summary>
    public static IEnumerable<(IReadOnlyList<string> Path, LeafField Leaf)> Leaves(PatternObject pattern, IReadOnlyList<string> path) =>
        pattern.Members.SelectMany(member => member switch
        {
            LeafField leaf => [((IReadOnlyList<string>)[.. path, leaf.Name], leaf)],
            NestedField nested => Leaves(nested.Pattern, [.. path, nested.Name]),
            OrMember or => or.Alternatives.SelectMany(alternative => Leaves(alternative, path)),
            _ => [],
        });

    /// <summary>The record selector a pattern path tests, or null when no record field decides it.</summary>
    public static JsonSelector? RecordSelector(IReadOnlyList<string> path)
    {
        if (path.Count >= 2 && path[0] == "detail")
        {
            return Selector(path.Skip(1));
        }

        return path.Count == 1 && EnvelopeFields.TryGetValue(path[0], out var field) ? Selector([field]) : null;
    }

    private static FieldProbe? Probe(IReadOnlyList<string> path, LeafField leaf)
    {
        if (RecordSelector(path) is not { } selector)
        {
            return null;
        }

        // The leaf alone, nested along its path, tested on the event EventBridge delivers for the record.
        var alone = new PatternObject([leaf]);
        for (var i = path.Count - 2; i >= 0; i--)
        {
            alone = new PatternObject([new NestedField(path[i], alone)]);
        }

        var matcher = new EventPatternMatcher(new EventPattern("", alone));
        var texts = leaf.Matchers.SelectMany(Texts).ToList();
        texts.AddRange(path is ["source"] ? [.. texts.Select(EventSourceFor), "signin.amazonaws.com"] : []);
        texts.AddRange(path is ["detail-type"] ? CloudTrailEnvelope.DetailTypeByEventType.Keys : []);
        return new FieldProbe(selector, texts, [.. leaf.Matchers.SelectMany(Numbers)], record => matcher.Matches(CloudTrailEnvelope.Wrap(record)));
    }

    /// <summary>Texts that satisfy the matcher and texts that just miss it.</summary>
    private static IEnumerable<string> Texts(ValueMatcher matcher) => matcher switch
    {
        ExactString exact => [exact.Text],
        PrefixMatcher prefix => [prefix.Text, prefix.Text + "x", .. Cases(prefix.Text), .. Shorter(prefix.Text)],
        SuffixMatcher suffix => [suffix.Text, "x" + suffix.Text, .. Cases(suffix.Text), .. Shorter(suffix.Text)],
        EqualsIgnoreCaseMatcher ignoreCase => [ignoreCase.Text, .. Cases(ignoreCase.Text)],
        WildcardMatcher wildcard => Wildcard(wildcard.Pattern),
        AnythingButMatcher anythingBut => [.. anythingBut.Strings, .. anythingBut.IgnoreCaseStrings.SelectMany(text => Cases(text).Append(text)),
            .. anythingBut.Wildcards.SelectMany(Wildcard), .. new[] { anythingBut.Prefix, anythingBut.Suffix }.OfType<string>().SelectMany(text => new[] { text, "x" + text, text + "x" })],
        CidrMatcher cidr => [cidr.Network.ToString(), cidr.Network.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "255.255.255.255" : "ffff::1", "0.0.0.0", "::"],
        _ => [],
    };

    private static IEnumerable<double> Numbers(ValueMatcher matcher) => matcher switch
    {
        ExactNumber exact => [exact.Value],
        NumericMatcher numeric => new[] { numeric.Lower, numeric.Upper }.OfType<NumericBound>().Select(bound => bound.Value),
        AnythingButMatcher anythingBut => anythingBut.Numbers,
        _ => [],
    };

    private static IEnumerable<string> Wildcard(WildcardText wildcard) =>
        [wildcard.Sample, wildcard.Sample + "x", "x" + wildcard.Sample, string.Join("x", wildcard.Segments), .. wildcard.Segments.Where(segment => segment.Length > 0)];

    private static IEnumerable<string> Cases(string text) => [text.ToUpperInvariant(), text.ToLowerInvariant()];

    private static IEnumerable<string> Shorter(string text) => text.Length > 1 ? [text[..^1], text[1..]] : [];

    /// <summary><c>aws.signin</c> → <c>signin.amazonaws.com</c>, the eventSource whose envelope has that source.</summary>
    private static string EventSourceFor(string source) =>
        (source.StartsWith("aws.", StringComparison.Ordinal) ? source[4..] : source) + ".amazonaws.com";

    private static JsonSelector Selector(IEnumerable<string> names)
    {
        var steps = names.ToList();
        var text = "$" + string.Concat(steps.Select(name => PlainName().IsMatch(name) ? "." + name : ".['" + name + "']"));
        return new JsonSelector(text, [.. steps.Select(name => new PropertyStep(name))]);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();

}
