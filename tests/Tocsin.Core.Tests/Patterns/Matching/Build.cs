using System.Globalization;
using System.Text.RegularExpressions;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Tests.Patterns.Matching;

/// <summary>Builds syntax trees by hand, so the matcher is tested without the parser.</summary>
internal static partial class Build
{
    public static PatternMatcher Matcher(FilterPattern pattern) => PatternMatcher.Compile(pattern);

    public static JsonPattern Json(JsonExpression expression) => new("{ ... }", expression);

    public static JsonAnd And(params JsonExpression[] operands) => new(operands);

    public static JsonOr Or(params JsonExpression[] operands) => new(operands);

    public static JsonCondition Eq(string selector, PatternValue value) => new(Selector(selector), ComparisonOperator.Equal, value);

    public static JsonCondition Ne(string selector, PatternValue value) => new(Selector(selector), ComparisonOperator.NotEqual, value);

    public static JsonCondition Cmp(string selector, ComparisonOperator op, PatternValue? value = null) => new(Selector(selector), op, value);

    public static StringValue Str(string text) => new(text, Quoted: true);

    public static StringValue Bare(string text) => new(text, Quoted: false);

    public static NumberValue Num(string text) => new(text, double.Parse(text, CultureInfo.InvariantCulture));

    public static RegexValue Rx(string body) => new(new PatternRegex(body));

    /// <summary>The CIS / Security Hub CloudWatch.3 seed pattern.</summary>
    public static JsonPattern Seed() => Json(And(Eq("$.eventName", Str("ConsoleLogin")), Ne("$.additionalEventData.MFAUsed", Str("Yes"))));

    public static TermPattern Terms(params string[] terms) => new(string.Join(' ', terms), terms.Select(ParseTerm).ToList());

    public static RegexPattern Regex(string body) => new("%" + body + "%", new PatternRegex(body));

    public static DelimitedPattern Delimited(params DelimitedField[] fields) => new("[...]", fields);

    public static NamedField Field(string? name, FieldExpression? condition = null) => new(name, condition);

    public static EllipsisField Ellipsis() => new();

    public static FieldCondition FieldIs(string name, ComparisonOperator op, PatternValue value) => new(name, op, value);

    /// <summary>Selector text such as <c>$.a.b[0][*].*.['x.y']</c> to steps.</summary>
    public static JsonSelector Selector(string text)
    {
        var steps = new List<SelectorStep>();
        foreach (Match step in StepRegex().Matches(text[1..]))
        {
            if (step.Groups["quoted"].Success)
                steps.Add(new PropertyStep(step.Groups["quoted"].Value));
            else if (step.Groups["name"].Success)
                steps.Add(step.Groups["name"].Value == "*" ? new AnyPropertyStep() : new PropertyStep(step.Groups["name"].Value));
            else if (step.Groups["index"].Value == "*")
                steps.Add(new AnyElementStep());
            else
                steps.Add(new IndexStep(int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture)));
        }

        return new JsonSelector(text, steps);
    }

    private static Term ParseTerm(string text)
    {
        var kind = text[0] switch
        {
            '?' => TermKind.Optional,
            '-' => TermKind.Excluded,
            _ => TermKind.Required,
        };
        var body = kind == TermKind.Required ? text : text[1..];
        var quoted = body.StartsWith('"');
        return new Term(quoted ? body[1..^1] : body, kind, quoted);
    }

    [GeneratedRegex(@"\.\['(?<quoted>[^']*)'\]|\.(?<name>[A-Za-z0-9_\-]+|\*)|\[(?<index>\d+|\*)\]")]
    private static partial Regex StepRegex();
}
