using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Sql;

/// <summary>
/// One JSON condition tested on one selected node, with the matcher's rules (JsonConditionTest and
/// ValueComparison in Tocsin.Core): only strings and numbers compare, <c>!=</c> included; a numeric literal compares
/// numbers only, as doubles; a string value compares a string's text (numbers: see <see cref="TextValueSql"/>).
/// </summary>
internal static class ConditionSql
{
    public const string False = "FALSE";

    /// <summary>SQL that holds when <paramref name="node"/> satisfies the condition; may be NULL where nothing was selected.</summary>
    public static string Test(JsonCondition condition, SelectedNode node)
    {
        switch (condition.Operator)
        {
            case ComparisonOperator.IsNull:
                return node.IsNull();
            case ComparisonOperator.IsTrue:
                return node.IsTrue();
            case ComparisonOperator.IsFalse:
                return node.IsFalse();
            case ComparisonOperator.NotExists:
                throw new ArgumentException("NOT EXISTS asks whether anything was selected, not about a node", nameof(condition));
        }

        return condition.Value switch
        {
            NumberValue number => NumberTest(condition.Operator, number, node),
            StringValue text => TextTest(condition.Operator, new TextValueSql(text, node.Selector), node),
            RegexValue regex => throw new SqlCompileException(
                $"`{node.Selector} {Symbol(condition.Operator)} %{regex.Regex.Body}%`: regex values are not compiled to SQL; " +
                "CloudWatch's regex flavour (matched on the number's text as written, UTF-16 `.`, `$` before a final newline) " +
                "differs from the engines' in ways that change matches"),
            _ => throw new ArgumentException($"`{condition.Selector}` has no value to compare", nameof(condition)),
        };
    }

    private static string NumberTest(ComparisonOperator op, NumberValue number, SelectedNode node)
    {
        var isNumber = node.IsNumber();
        if (isNumber == False)
            return False;
        return $"({isNumber} AND {node.Number()} {Symbol(op)} {SqlText.Double(number.Number)})";
    }

    private static string TextTest(ComparisonOperator op, TextValueSql value, SelectedNode node)
    {
        var isString = node.IsString();
        var isNumber = node.IsNumber();
        if (value.MatchesEveryText)
            return op == ComparisonOperator.Equal ? Or(isString, isNumber) : False;

        var onString = value.Matches(node.Text());
        var onNumber = NumberTextMatch(value, node, isNumber);
        return op switch
        {
            ComparisonOperator.Equal => Or(And(isString, onString), onNumber is null ? False : And(isNumber, onNumber)),
            ComparisonOperator.NotEqual => Or(And(isString, "NOT (" + onString + ")"), onNumber is null ? isNumber : And(isNumber, "NOT (" + onNumber + ")")),
            _ => throw new ArgumentException($"`{node.Selector}`: {op} takes a number, not text", nameof(op)),
        };
    }

    /// <summary>The value matched on a number node's text, or null when no number's text can match.</summary>
    private static string? NumberTextMatch(TextValueSql value, SelectedNode node, string isNumber)
    {
        if (isNumber == False || !value.CanMatchNumberText)
            return null;
        var integerText = node.IntegerText() ?? throw value.NumberTextRefused(node.Dialect);
        value.RequireIntegerTextSuffices(node.Dialect);
        return value.Matches(integerText);
    }

    private static string And(string left, string right) =>
        left == False || right == False ? False : $"({left} AND {right})";

    private static string Or(string left, string right) =>
        left == False ? right : right == False ? left : $"({left} OR {right})";

    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a comparison"),
    };
}
