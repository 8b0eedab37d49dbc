using System.Globalization;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// One comparison operator with its compiled value, shared by JSON conditions and space-delimited fields: a numeric
/// literal compares numbers as doubles (UnsettledSemantics.NumbersCompareAsDoubles), a string or <c>*</c> pattern
/// and a regex compare text; relational operators take numeric literals only (the parser rejects the rest).
/// </summary>
internal sealed class ValueComparison
{
    private readonly ComparisonOperator _operator;
    private readonly TextPattern? _text;
    private readonly CloudWatchRegex? _regex;
    private readonly double? _number;

    public ValueComparison(ComparisonOperator op, PatternValue? value)
    {
        _operator = op;
        switch (value)
        {
            case NumberValue number:
                _number = number.Number;
                break;
            case StringValue text:
                _text = new TextPattern(text);
                break;
            case RegexValue regex:
                _regex = CloudWatchRegex.Compile(regex.Regex);
                break;
        }
    }

    /// <summary>True when the value is a numeric literal, which only numbers can satisfy.</summary>
    public bool IsNumeric => _number is not null;

    /// <summary>The comparison against a number, given as its written text; text that is not a number never satisfies it.</summary>
    public bool HoldsForNumberText(ReadOnlySpan<byte> text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var node) && HoldsForNumber(node);

    public bool HoldsForNumber(double node)
    {
        if (_number is not { } literal)
            return false;

        return _operator switch
        {
            ComparisonOperator.Equal => node == literal,
            ComparisonOperator.NotEqual => node != literal,
            ComparisonOperator.Less => node < literal,
            ComparisonOperator.LessOrEqual => node <= literal,
            ComparisonOperator.Greater => node > literal,
            ComparisonOperator.GreaterOrEqual => node >= literal,
            _ => false,
        };
    }

    /// <summary>The comparison against text (a string, or a number's text as written: SPEC §5.3).</summary>
    public bool HoldsForText(ReadOnlySpan<byte> text)
    {
        bool equal;
        if (_text is not null)
            equal = _text.IsMatch(text);
        else if (_regex is not null)
            equal = _regex.IsMatch(text);
        else
            return false;

        return _operator switch
        {
            ComparisonOperator.Equal => equal,
            ComparisonOperator.NotEqual => !equal,
            _ => false,
        };
    }
}
