using System.Runtime.CompilerServices;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Controls;

/// <summary>
/// Tells which of a control's populations a CloudTrail record belongs to: the first population, in catalog order,
/// whose <see cref="Population.Match"/> pattern matches it, or <see cref="Unclassified"/> when none does. All the
/// patterns of a control are compiled once into a <see cref="PatternMatcherSet"/>, so one pass over the record
/// answers every population; classifying allocates nothing. Thread-safe.
/// </summary>
public sealed class PopulationClassifier
{
    /// <summary>The name given to a record that no population of the control recognises.</summary>
    public const string Unclassified = "unclassified";

    private static readonly ConditionalWeakTable<Control, PopulationClassifier> Compiled = new();

    private readonly PatternMatcherSet _matchers;
    private readonly string[] _names;

    private PopulationClassifier(PatternMatcherSet matchers, string[] names)
    {
        _matchers = matchers;
        _names = names;
    }

    /// <summary>The population names in catalog order, then <see cref="Unclassified"/>; indexes of <see cref="IndexOf"/>.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>
    /// The classifier of this control, compiled on first use and kept as long as the control is. Throws
    /// <see cref="CatalogException"/> when a population's pattern is not a valid JSON filter pattern (the embedded
    /// catalog is checked for that at load).
    /// </summary>
    public static PopulationClassifier For(Control control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return Compiled.GetValue(control, Compile);
    }

    /// <summary>The populations' patterns in catalog order: <see cref="IndexOf"/> is the first of them that matches.</summary>
    public IReadOnlyList<PatternMatcher> Patterns => _matchers.Matchers;

    /// <summary>The name of the first population whose pattern matches the record, or <see cref="Unclassified"/>.</summary>
    public string Classify(ReadOnlySpan<byte> utf8Record) => _names[IndexOf(utf8Record)];

    /// <summary>
    /// The index in <see cref="Names"/> of the record's population; the last index means <see cref="Unclassified"/>.
    /// Lets a caller count per population in an array instead of by name.
    /// </summary>
    public int IndexOf(ReadOnlySpan<byte> utf8Record)
    {
        var first = _matchers.FirstMatch(utf8Record);
        return first < 0 ? _names.Length - 1 : first;
    }

    /// <summary>
    /// Parses one population's pattern; the problem, in the words of a catalog error, when it does not parse or is
    /// not a JSON pattern.
    /// </summary>
    internal static PatternMatcher? CompileMatch(Population population, out string? problem)
    {
        var parsed = PatternParser.Parse(population.Match);
        if (!parsed.Succeeded)
        {
            problem = $"does not parse: {parsed.Error!.Message}";
            return null;
        }

        if (parsed.Pattern is not JsonPattern)
        {
            problem = "is not a JSON filter pattern ({ ... }): a population is recognised by the fields of its records";
            return null;
        }

        problem = null;
        return PatternMatcher.Compile(parsed.Pattern);
    }

    private static PopulationClassifier Compile(Control control)
    {
        var matchers = control.Populations.Select(population =>
            CompileMatch(population, out var problem)
                ?? throw new CatalogException($"control catalog: control '{control.Id}', field 'populations[{population.Name}].match': {problem}"));
        var names = control.Populations.Select(population => population.Name).Append(Unclassified).ToArray();
        return new PopulationClassifier(new PatternMatcherSet(matchers), names);
    }
}
