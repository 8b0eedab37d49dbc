namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// Every point where SPEC.md marks CloudWatch's behaviour unknown ([U]) or only inferred, and the behaviour this
/// matcher chose. The code that applies a choice names the member here (<c>UnsettledSemantics.X</c>), so a
/// future observation on real AWS changes one documented place. Each member's summary says what was chosen and why.
/// </summary>
public static class UnsettledSemantics
{
    /// <summary>
    /// JSON patterns only apply to messages whose whole text is one JSON object or array (SPEC §5.1 [I]). A message
    /// that is a bare JSON scalar (<c>42</c>, <c>"text"</c>), has a text prefix, or is malformed, does not match any
    /// JSON pattern, not even <c>NOT EXISTS</c>: CloudWatch describes JSON events as structured records with
    /// properties, and "no match" is the outcome that never raises a false alarm on non-JSON lines.
    /// </summary>
    public const bool JsonEventMustBeObjectOrArray = true;

    /// <summary>
    /// Nesting depth up to which a JSON event is read. CloudWatch events are at most 256 KB, so no event can nest
    /// deeper than this; the limit only exists because the reader needs one.
    /// </summary>
    public const int MaxJsonDepth = 256 * 1024;

    /// <summary>
    /// A JSON <c>null</c> or boolean node satisfies no <c>=</c>, <c>!=</c> or relational comparison (SPEC §5.2, §8.1):
    /// "value nodes are strings or numbers"; the corpus takes the same position for <c>!=</c> on null.
    /// </summary>
    public const bool NullAndBooleanNeverCompare = true;

    /// <summary>
    /// A numeric literal against a string node (<c>{ $.status = 500 }</c> on <c>"500"</c>, or <c>"500" &gt; 400</c>)
    /// is false for every operator, <c>!=</c> included (SPEC §5.3 [U]). Relational operators are observed never to
    /// match strings; treating <c>=</c>/<c>!=</c> the same keeps "a number literal compares numbers" one rule.
    /// The same holds in space-delimited patterns for a field that is not a number (SPEC §6.3 [I]).
    /// </summary>
    public const bool NumericLiteralNeverMatchesStringNode = true;

    /// <summary>
    /// Numeric comparisons use IEEE double values of the event's number and of the literal (SPEC §5.3 shows
    /// <c>123 = 123.0</c>; nothing is published about precision): integers beyond 2^53 compare approximately, as
    /// they would in a Java or JavaScript implementation.
    /// </summary>
    public const bool NumbersCompareAsDoubles = true;

    /// <summary>
    /// Wildcard selectors (<c>[*]</c>, <c>.*</c>) are existential for every operator, <c>!=</c> included: the
    /// condition holds when any selected node satisfies it (SPEC §5.1, §8.7 [U]). <c>NOT EXISTS</c> with a wildcard
    /// selector holds when nothing is selected. Both <c>[*]</c> and <c>.*</c> select the children of an array or of an
    /// object ("select any array element or any JSON object field", DOC-JSON), as JSONPath implementations do.
    /// Two conditions on the same wildcard selector may be satisfied by different elements.
    /// </summary>
    public const bool WildcardSelectorsAreExistential = true;

    /// <summary>
    /// A JSON object with a repeated key: every occurrence is a selected node (existentially, like a wildcard).
    /// JSON leaves duplicates undefined; CloudTrail never writes them; the streaming reader sees all occurrences.
    /// </summary>
    public const bool DuplicateKeysAreAllSelected = true;

    /// <summary>
    /// Term patterns: a quoted single space (<c>" "</c>) counts as present in every event, whatever its prefix
    /// (SPEC §3.6 documents the plain form). An empty quoted term (<c>""</c>) is present in every event too
    /// (the empty string is a substring of everything), which also agrees with the older "<c>""</c> matches
    /// everything" wording (SPEC §8.10).
    /// </summary>
    public const string TermPresentInEveryEvent = " ";

    /// <summary>
    /// Space-delimited events (SPEC §6.1): spaces and tabs separate fields and runs of them collapse; a field that
    /// starts with <c>[</c> runs to the next <c>]</c>, one that starts with <c>"</c> to the next <c>"</c> (both
    /// without the delimiters); an unterminated one runs to the end of the message; text right after a closing
    /// delimiter starts a new field.
    /// </summary>
    public const string DelimitedFieldSeparators = " \t";

    /// <summary>
    /// Field count without <c>...</c> (SPEC §6.5 [U], contradictory sources): when the event has more fields than
    /// the pattern, the last pattern field takes the rest of the message (from its first field to the end), as the
    /// widely deployed Lambda pattern <c>[timestamp=*Z, request_id="*-*", event]</c> and the current DOC-SYNTAX
    /// example <c>[w1=ERROR, w2]</c> require; fewer fields than the pattern never match. With <c>...</c> the
    /// ellipsis takes the surplus (the leftmost ellipsis takes as few fields as possible). <c>[]</c> matches every
    /// event and extracts every field.
    /// </summary>
    public const bool LastDelimitedFieldTakesTheRest = true;

    /// <summary>
    /// <c>&amp;&amp;</c> binds tighter than <c>||</c> inside one delimited slot too (SPEC §2 [U]), as in JSON patterns.
    /// The parser builds that tree; the matcher only evaluates it.
    /// </summary>
    public const bool DelimitedAndBindsTighterThanOr = true;

    /// <summary>
    /// Regex flavour (SPEC §4 [U]): only the documented operators are translated; <c>\d \w \s</c> and their
    /// negations are ASCII classes (as in Java, which CloudWatch's error messages suggest), <c>{,n}</c> means
    /// <c>{0,n}</c>, matching is case-sensitive and unanchored. Evaluation uses .NET's non-backtracking engine, so
    /// evaluation time is linear in the message and no input can hang. A regex whose automaton would be too large
    /// for that engine (such as <c>a{99999}</c>) runs on the backtracking engine with a 200 ms budget per message,
    /// and a message that exhausts it does not match (CloudWatch has a time budget too, SPEC §4).
    /// </summary>
    public const bool RegexIsAsciiAndNonBacktracking = true;

    /// <summary>
    /// What <see cref="PatternMatcher.ExtractedValues(string)"/> returns for a JSON pattern (SPEC §7 documents only
    /// delimited and term patterns): for each selector of the pattern, keyed by the selector as written
    /// (<c>$.eventName</c>), the first value node it selects: a string unescaped, a number as written,
    /// <c>true</c>/<c>false</c>/<c>null</c> as those words. Selectors that select nothing or only objects/arrays
    /// are left out. Every form returns an empty map for a message that does not match.
    /// </summary>
    public const bool JsonExtractsSelectedValues = true;
}
