using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tocsin.Core.Controls;

/// <summary>
/// Checks the catalog at load so that a mistake in Tocsin's own data fails loudly, naming the control and field,
/// instead of silently weakening a verdict.
/// </summary>
internal static partial class CatalogValidator
{
    public const int SupportedSchemaVersion = 1;

    // Fields every CloudTrail record carries (CloudTrail record contents, "eventVersion" ... "recipientAccountId").
    private static readonly string[] RecordBasics =
        ["eventVersion", "eventTime", "eventSource", "eventName", "awsRegion", "eventID", "eventType", "recipientAccountId"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9.]+)*:[A-Za-z0-9.]+$")]
    private static partial Regex AliasShape();

    /// <param name="document">The catalog as read.</param>
    /// <param name="compileAll">Also compile every population pattern and literal regex, and read, check and classify
    /// the whole corpus. The embedded catalog skips these at start-up (its tests run them on every build): they compile
    /// a hundred patterns and fifteen regexes that a command uses a few of, if any, and read corpora most commands never
    /// look at; each is read or compiled on first use.</param>
    public static void Validate(CatalogDocument document, bool compileAll = true)
    {
        if (document.SchemaVersion != SupportedSchemaVersion)
        {
            throw new CatalogException($"control catalog: schemaVersion {document.SchemaVersion} is not {SupportedSchemaVersion}");
        }

        if (document.Controls.Count == 0)
        {
            throw new CatalogException("control catalog: no controls");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var control in document.Controls)
        {
            ValidateControl(control, compileAll);
            if (!ids.Add(control.Id))
            {
                throw Problem(control, "id", "is used by two controls");
            }

            foreach (var name in control.Aliases.Prepend(control.Id))
            {
                if (names.TryGetValue(name, out var owner))
                {
                    throw Problem(control, "aliases", owner == control.Id ? $"'{name}' is listed twice" : $"'{name}' is already used by control '{owner}'");
                }

                names[name] = control.Id;
            }
        }

        foreach (var control in document.Controls)
        {
            foreach (var population in control.Populations.Where(population => population.CoveredBy is not null))
            {
                if (!ids.Contains(population.CoveredBy!) || population.CoveredBy == control.Id)
                {
                    throw Problem(control, $"populations[{population.Name}].coveredBy", $"'{population.CoveredBy}' is not another control's id");
                }
            }
        }
    }

    private static void ValidateControl(Control control, bool compileAll)
    {
        if (!KebabCase().IsMatch(control.Id))
        {
            throw Problem(control, "id", "is not kebab-case");
        }

        NotBlank(control, "title", control.Title);
        NotBlank(control, "rationale", control.Rationale);
        if (control.References.Count == 0)
        {
            throw Problem(control, "references", "is empty");
        }

        foreach (var alias in control.Aliases)
        {
            if (!AliasShape().IsMatch(alias))
            {
                throw Problem(control, "aliases", $"'{alias}' is not of the form framework:item (e.g. cis-aws-1.2:3.2)");
            }
        }

        if (compileAll)
        {
            ReadCorpus(control);
        }

        ValidatePopulations(control, compileAll);
        ValidatePatterns(control, compileAll);
        if (compileAll)
        {
            ValidateCorpus(control);
            ValidateClassification(control);
        }

        ValidateRemediation(control);
    }

    private static void ValidatePopulations(Control control, bool compileAll)
    {
        if (control.Populations.Count == 0)
        {
            throw Problem(control, "populations", "is empty");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var matches = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var population in control.Populations)
        {
            if (!KebabCase().IsMatch(population.Name) || !seen.Add(population.Name))
            {
                throw Problem(control, "populations", $"'{population.Name}' is not a unique kebab-case name");
            }

            if (population.Name == PopulationClassifier.Unclassified)
            {
                throw Problem(control, "populations", $"'{population.Name}' is the name of records no population recognises");
            }

            NotBlank(control, $"populations[{population.Name}].description", population.Description);
            PopulationMatch(control, population, matches, compileAll);
        }

        if (!control.Populations.Any(population => population.Required))
        {
            throw Problem(control, "populations", "no population is required");
        }
    }

    private static void PopulationMatch(Control control, Population population, Dictionary<string, string> matches, bool compileAll)
    {
        var field = $"populations[{population.Name}].match";
        NotBlank(control, field, population.Match);
        if (compileAll && PopulationClassifier.CompileMatch(population, out var problem) is null)
        {
            throw Problem(control, field, problem!);
        }

        if (!matches.TryAdd(population.Match.Trim(), population.Name))
        {
            throw Problem(control, field, $"is the same pattern as the match of population '{matches[population.Match.Trim()]}', which comes first and takes all its records");
        }
    }

    /// <summary>Every corpus event is recognised, first match wins, as the population it is labelled with.</summary>
    private static void ValidateClassification(Control control)
    {
        var classifier = PopulationClassifier.For(control);
        for (var index = 0; index < control.Corpus.Count; index++)
        {
            var corpusEvent = control.Corpus[index];
            var actual = classifier.Classify(Encoding.UTF8.GetBytes(corpusEvent.Message));
            if (actual != corpusEvent.Population)
            {
                var classified = actual == PopulationClassifier.Unclassified
                    ? "no population's match recognises it"
                    : $"it is classified as '{actual}', the first population whose match recognises it";
                throw Problem(control, $"corpus[{index}]", $"'{corpusEvent.Description}' is labelled '{corpusEvent.Population}' but {classified}");
            }
        }
    }

    private static void ValidatePatterns(Control control, bool compileAll)
    {
        if (control.ReferencePatterns.Count == 0)
        {
            throw Problem(control, "referencePatterns", "is empty");
        }

        if (control.PrimaryReference.Drops.Count != 0)
        {
            throw Problem(control, "referencePatterns[0].drops", "the primary reference labels the corpus and cannot drop populations");
        }

        var patternNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in control.ReferencePatterns)
        {
            var field = $"referencePatterns[{reference.Name}]";
            PatternEntry(control, field, reference.Name, reference.Pattern, reference.Source, reference.PublishedIn, patternNames);
            Drops(control, field, reference.Drops, compileAll);
        }

        foreach (var variant in control.AcceptedVariants)
        {
            var field = $"acceptedVariants[{variant.Name}]";
            PatternEntry(control, field, variant.Name, variant.Pattern, variant.Source, variant.PublishedIn, patternNames);
            NotBlank(control, $"{field}.explanation", variant.Explanation);
            if (variant.Drops.Count == 0)
            {
                throw Problem(control, $"{field}.drops", "an accepted variant must name what it drops");
            }

            Drops(control, field, variant.Drops, compileAll);
        }

        try
        {
            if (compileAll)
            {
                _ = control.LiteralRegex.Accepts(string.Empty);
            }
        }
        catch (ArgumentException invalid)
        {
            throw Problem(control, "literalRegex.pattern", $"does not compile: {invalid.Message}");
        }

        NotBlank(control, "literalRegex.source", control.LiteralRegex.Source);
    }

    private static void PatternEntry(
        Control control, string field, string name, string pattern, string source, IReadOnlyList<string> publishedIn, HashSet<string> names)
    {
        if (!KebabCase().IsMatch(name) || !names.Add(name))
        {
            throw Problem(control, field, "the name is not a unique kebab-case name");
        }

        NotBlank(control, $"{field}.pattern", pattern);
        NotBlank(control, $"{field}.source", source);
        foreach (var alias in publishedIn)
        {
            if (!control.Aliases.Contains(alias, StringComparer.Ordinal))
            {
                throw Problem(control, $"{field}.publishedIn", $"'{alias}' is not one of the control's aliases");
            }
        }
    }

    private static void Drops(Control control, string field, IReadOnlyList<string> drops, bool compileAll)
    {
        foreach (var name in drops)
        {
            var population = control.FindPopulation(name)
                ?? throw Problem(control, $"{field}.drops", $"'{name}' is not a declared population");
            if (population.Required)
            {
                throw Problem(control, $"{field}.drops", $"'{name}' is required and cannot be dropped");
            }

            if (compileAll && !control.Corpus.Any(corpusEvent => corpusEvent.Population == name && corpusEvent.Alerts))
            {
                throw Problem(control, $"{field}.drops", $"'{name}' has no alerting event in the corpus, so dropping it means nothing");
            }
        }
    }

    /// <summary>Reads every corpus event now (the catalog leaves them to first use), refusing one that is malformed.</summary>
    private static void ReadCorpus(Control control)
    {
        try
        {
            _ = control.Corpus.Count;
        }
        catch (MalformedCorpusEvent malformed)
        {
            throw Problem(control, $"corpus[{malformed.Index}]", malformed.Message);
        }
    }

    private static void ValidateCorpus(Control control)
    {
        if (!control.Corpus.Any(corpusEvent => corpusEvent.Alerts) || control.Corpus.All(corpusEvent => corpusEvent.Alerts))
        {
            throw Problem(control, "corpus", "needs both alerting and non-alerting events");
        }

        for (var index = 0; index < control.Corpus.Count; index++)
        {
            var corpusEvent = control.Corpus[index];
            var field = $"corpus[{index}]";
            if (control.FindPopulation(corpusEvent.Population) is null)
            {
                throw Problem(control, $"{field}.population", $"'{corpusEvent.Population}' is not a declared population");
            }

            NotBlank(control, $"{field}.description", corpusEvent.Description);
            RecordShape(control, $"{field}.event", corpusEvent.Event);
        }

        foreach (var population in control.Populations)
        {
            if (!control.Corpus.Any(corpusEvent => corpusEvent.Population == population.Name))
            {
                throw Problem(control, $"populations[{population.Name}]", "has no event in the corpus");
            }

            if (population.Required && !control.Corpus.Any(corpusEvent => corpusEvent.Population == population.Name && corpusEvent.Alerts))
            {
                throw Problem(control, $"populations[{population.Name}]", "is required but has no alerting event in the corpus");
            }
        }
    }

    private static void RecordShape(Control control, string field, JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw Problem(control, field, "is not a JSON object");
        }

        foreach (var basic in RecordBasics)
        {
            if (!record.TryGetProperty(basic, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
            {
                throw Problem(control, $"{field}.{basic}", "is missing or not a non-empty string (every CloudTrail record has it)");
            }
        }

        if (!record.TryGetProperty("userIdentity", out var identity) || identity.ValueKind != JsonValueKind.Object)
        {
            throw Problem(control, $"{field}.userIdentity", "is missing or not an object (every CloudTrail record has it)");
        }
    }

    private static void ValidateRemediation(Control control)
    {
        var remediation = control.Remediation;
        NotBlank(control, "remediation.filterName", remediation.FilterName);
        NotBlank(control, "remediation.metricName", remediation.MetricName);
        NotBlank(control, "remediation.metricNamespace", remediation.MetricNamespace);
        NotBlank(control, "remediation.alarmName", remediation.AlarmName);
        var known = control.ReferencePatterns.Select(reference => reference.Pattern)
            .Concat(control.AcceptedVariants.Select(variant => variant.Pattern));
        if (!known.Contains(remediation.Pattern, StringComparer.Ordinal))
        {
            throw Problem(control, "remediation.pattern", "is neither a reference pattern nor an accepted variant of the control");
        }
    }

    private static void NotBlank(Control control, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Problem(control, field, "is empty");
        }
    }

    private static CatalogException Problem(Control control, string field, string problem) =>
        new($"control catalog: control '{control.Id}', field '{field}': {problem}");
}
