namespace Tocsin.Core.Controls;

/// <summary>
/// One CloudTrail metric-filter control of the CIS Monitoring section, as data: what to catch (reference patterns,
/// accepted variants), what it is judged on (populations and a labelled corpus) and how to fix it.
/// </summary>
/// <param name="Id">Stable kebab-case id, e.g. <c>console-signin-without-mfa</c>. Never renamed.</param>
/// <param name="Title">What the control asks for, in one line.</param>
/// <param name="Severity">How much an unnoticed event costs.</param>
/// <param name="Aliases">Framework numbers, e.g. <c>cis-aws-1.2:3.2</c>, <c>cis-aws-3.0:4.2</c>, <c>securityhub:CloudWatch.3</c>.</param>
/// <param name="Rationale">Why the control matters.</param>
/// <param name="References">Identifiers and documentation pages the control cites.</param>
/// <param name="ReferencePatterns">Published pattern texts; the first is the primary reference that labels the corpus.</param>
/// <param name="AcceptedVariants">Stricter patterns that are accepted, each naming what it drops.</param>
/// <param name="Populations">The kinds of records the control is judged on.</param>
/// <param name="Corpus">Realistic CloudTrail records, each labelled with a population and whether the primary reference alerts.</param>
/// <param name="Remediation">Names and pattern used when creating the missing links.</param>
/// <param name="LiteralRegex">The regex the common text-based checkers apply to a pattern for this control.</param>
public sealed record Control(
    string Id,
    string Title,
    Severity Severity,
    IReadOnlyList<string> Aliases,
    string Rationale,
    IReadOnlyList<ControlReference> References,
    IReadOnlyList<ReferencePattern> ReferencePatterns,
    IReadOnlyList<AcceptedVariant> AcceptedVariants,
    IReadOnlyList<Population> Populations,
    IReadOnlyList<CorpusEvent> Corpus,
    RemediationDefaults Remediation,
    LiteralRegex LiteralRegex)
{
    /// <summary>The reference whose behaviour labels the corpus (the CIS text).</summary>
    public ReferencePattern PrimaryReference => ReferencePatterns[0];

    /// <summary>The populations a tuned pattern must still catch.</summary>
    public IEnumerable<Population> RequiredPopulations => Populations.Where(population => population.Required);

    /// <summary>The population with this name, or null.</summary>
    public Population? FindPopulation(string name) =>
        Populations.FirstOrDefault(population => population.Name == name);

    /// <summary>
    /// Whether a pattern that drops the given populations (relative to the primary reference) alerts on this
    /// corpus event: the labelled outcome minus the dropped populations.
    /// </summary>
    public static bool AlertsWithout(CorpusEvent corpusEvent, IReadOnlyCollection<string> drops) =>
        corpusEvent.Alerts && !drops.Contains(corpusEvent.Population);
}
