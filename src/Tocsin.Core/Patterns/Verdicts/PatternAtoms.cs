using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// The building blocks of a set of patterns: every JSON condition, grouped by the selector it tests, and every
/// term or regular expression that looks at the raw text. A JSON pattern's result depends only on which of its
/// conditions hold, so these atoms are all that distinguishes one record from another for the patterns judged.
/// </summary>
internal sealed class PatternAtoms
{
    private readonly Dictionary<string, (JsonSelector Selector, List<JsonCondition> Conditions)> _bySelector = new(StringComparer.Ordinal);

    public List<FilterPattern> RawTextAtoms { get; } = [];

    public IEnumerable<(JsonSelector Selector, IReadOnlyList<JsonCondition> Conditions)> Selectors =>
        _bySelector.Values.Select(entry => (entry.Selector, (IReadOnlyList<JsonCondition>)entry.Conditions));

    /// <summary>Every literal text any pattern mentions: raw-text patterns find these anywhere in a record.</summary>
    public HashSet<string> Texts { get; } = new(StringComparer.Ordinal);

    public static PatternAtoms Of(IEnumerable<FilterPattern> patterns)
    {
        var atoms = new PatternAtoms();
        foreach (var pattern in patterns)
        {
            atoms.Add(pattern);
        }

        return atoms;
    }

    private void Add(FilterPattern pattern)
    {
        switch (pattern)
        {
            case JsonPattern json:
                AddExpression(json.Expression);
                break;
            case TermPattern terms:
                foreach (var term in terms.Terms)
                {
                    RawTextAtoms.Add(new TermPattern(term.Text, [term with { Kind = TermKind.Required }]));
                    Texts.Add(term.Text);
                }

                break;
            case RegexPattern regex:
                RawTextAtoms.Add(regex);
                Texts.UnionWith(RegexSamples.For(regex.Regex));
                break;
            default:
                // Match-all and space-delimited patterns have no atom a JSON record could vary; they are still
                // evaluated directly on every record of the space.
                break;
        }
    }

    private void AddExpression(JsonExpression expression)
    {
        switch (expression)
        {
            case JsonOr or:
                or.Operands.ToList().ForEach(AddExpression);
                break;
            case JsonAnd and:
                and.Operands.ToList().ForEach(AddExpression);
                break;
            case JsonCondition condition:
                if (!_bySelector.TryGetValue(condition.Selector.Text, out var entry))
                {
                    entry = (condition.Selector, []);
                    _bySelector[condition.Selector.Text] = entry;
                }

                entry.Conditions.Add(condition);
                break;
        }
    }
}
