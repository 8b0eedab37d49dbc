namespace Tocsin.Iac.Terraform;

/// <summary>Resolves the references of one module: <c>var.</c>, <c>local.</c>, resources, <c>data.</c>, <c>module.</c>.</summary>
internal interface IHclScope
{
    HclValue Resolve(HclReference reference);
}

/// <summary>
/// Evaluates what literals allow: strings and their interpolations, lists, maps, <c>jsonencode</c>, conditionals and
/// operators over known values. Anything else is <see cref="HclUnknown"/> with the reason, never a guess.
/// </summary>
internal static class HclEvaluator
{
    public static HclValue Evaluate(HclExpression expression, IHclScope scope) => expression switch
    {
        HclLiteral literal => literal.Value,
        HclTemplate template => Template(template, scope),
        HclDirective directive => new HclUnknown($"the template directive {directive.Text} is not evaluated"),
        HclReference reference => scope.Resolve(reference),
        HclIndexed indexed => Steps(Evaluate(indexed.Target, scope), indexed.Steps, scope, "the value"),
        HclCall call => Call(call, scope),
        HclTuple tuple => Collect(tuple.Items.Select(item => Evaluate(item, scope)).ToList()),
        HclObject obj => Object(obj, scope),
        HclUnary unary => Unary(unary.Operator, Evaluate(unary.Operand, scope)),
        HclBinary binary => Binary(binary.Operator, Evaluate(binary.Left, scope), Evaluate(binary.Right, scope)),
        HclConditional conditional => Evaluate(conditional.Condition, scope) switch
        {
            HclBool { Value: true } => Evaluate(conditional.WhenTrue, scope),
            HclBool { Value: false } => Evaluate(conditional.WhenFalse, scope),
            HclUnknown unknown => unknown,
            _ => new HclUnknown("a conditional whose condition is not a bool"),
        },
        HclForExpression => new HclUnknown("a for expression is not evaluated"),
        _ => new HclUnknown("an expression this reader does not evaluate"),
    };

    /// <summary>Applies <c>.name</c> and <c>[index]</c> steps to a known value; <paramref name="what"/> names it in reasons.</summary>
    public static HclValue Steps(HclValue value, IEnumerable<HclStep> steps, IHclScope scope, string what)
    {
        foreach (var step in steps)
        {
            if (value is HclUnknown)
            {
                return value;
            }

            if (step.Splat)
            {
                return new HclUnknown($"a splat over {what} is not evaluated");
            }

            var key = step.Name is { } name ? new HclString(name) : Evaluate(step.Index!, scope);
            value = (value, key) switch
            {
                (_, HclUnknown unknown) => unknown,
                (HclMap map, HclString s) => map[s.Value] ?? new HclUnknown($"{what} has no attribute {s.Value}"),
                (HclMap map, HclNumber n) => map[n.Text] ?? new HclUnknown($"{what} has no key {n.Text}"),
                (HclList list, HclNumber n) when n.Value >= 0 && n.Value < list.Items.Count => list.Items[(int)n.Value],
                _ => new HclUnknown($"{what} has no element {Describe(key)}"),
            };
        }

        return value;
    }

    private static HclValue Template(HclTemplate template, IHclScope scope)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in template.Parts)
        {
            var value = Evaluate(part, scope);
            switch (value)
            {
                case HclUnknown:
                    return value;
                case HclString s:
                    text.Append(s.Value);
                    break;
                case HclNumber n:
                    text.Append(n.Text);
                    break;
                case HclBool b:
                    text.Append(b.Value ? "true" : "false");
                    break;
                default:
                    return new HclUnknown($"an interpolation of {Describe(value)} into a string");
            }
        }

        // A template that is exactly one interpolation keeps the interpolated value's type, as in Terraform.
        return template.Parts is [var only] && only is not HclLiteral and not HclDirective ? Evaluate(only, scope) : new HclString(text.ToString());
    }

    private static HclValue Call(HclCall call, IHclScope scope)
    {
        var arguments = call.Arguments.Select(argument => Evaluate(argument, scope)).ToList();
        if (call.Name != "jsonencode")
        {
            return new HclUnknown($"the function {call.Name}() is not evaluated");
        }

        if (arguments is not [var value])
        {
            return new HclUnknown("jsonencode() takes one argument");
        }

        return HclJson.Encode(value) is { } json ? new HclString(json) : new HclUnknown($"jsonencode() of a value not known before apply: {HclJson.FirstUnknown(value)}");
    }

    private static HclList Collect(List<HclValue> items) => new(items);

    private static HclValue Object(HclObject obj, IHclScope scope)
    {
        var entries = new List<KeyValuePair<string, HclValue>>();
        foreach (var (keyExpression, valueExpression) in obj.Items)
        {
            var key = Evaluate(keyExpression, scope);
            switch (key)
            {
                case HclString s:
                    entries.Add(new(s.Value, Evaluate(valueExpression, scope)));
                    break;
                case HclNumber n:
                    entries.Add(new(n.Text, Evaluate(valueExpression, scope)));
                    break;
                case HclUnknown unknown:
                    return unknown;
                default:
                    return new HclUnknown($"an object key that is {Describe(key)}");
            }
        }

        return new HclMap(entries);
    }

    private static HclValue Unary(string op, HclValue operand) => (op, operand) switch
    {
        (_, HclUnknown unknown) => unknown,
        ("-", HclNumber n) => new HclNumber(-n.Value),
        ("!", HclBool b) => new HclBool(!b.Value),
        _ => new HclUnknown($"'{op}' applied to {Describe(operand)}"),
    };

    private static HclValue Binary(string op, HclValue left, HclValue right)
    {
        if (left is HclUnknown)
        {
            return left;
        }

        if (right is HclUnknown)
        {
            return right;
        }

        return (op, left, right) switch
        {
            ("==", HclString or HclNumber or HclBool or HclNull, HclString or HclNumber or HclBool or HclNull) => new HclBool(left == right),
            ("!=", HclString or HclNumber or HclBool or HclNull, HclString or HclNumber or HclBool or HclNull) => new HclBool(left != right),
            ("&&", HclBool a, HclBool b) => new HclBool(a.Value && b.Value),
            ("||", HclBool a, HclBool b) => new HclBool(a.Value || b.Value),
            ("+", HclNumber a, HclNumber b) => new HclNumber(a.Value + b.Value),
            ("-", HclNumber a, HclNumber b) => new HclNumber(a.Value - b.Value),
            ("*", HclNumber a, HclNumber b) => new HclNumber(a.Value * b.Value),
            ("/", HclNumber a, HclNumber b) when b.Value != 0 => new HclNumber(a.Value / b.Value),
            ("<", HclNumber a, HclNumber b) => new HclBool(a.Value < b.Value),
            (">", HclNumber a, HclNumber b) => new HclBool(a.Value > b.Value),
            ("<=", HclNumber a, HclNumber b) => new HclBool(a.Value <= b.Value),
            (">=", HclNumber a, HclNumber b) => new HclBool(a.Value >= b.Value),
            _ => new HclUnknown($"'{op}' between {Describe(left)} and {Describe(right)}"),
        };
    }

    public static string Describe(HclValue value) => value switch
    {
        HclString s => $"\"{s.Value}\"",
        HclNumber n => n.Text,
        HclBool b => b.Value ? "true" : "false",
        HclNull => "null",
        HclList => "a list",
        HclMap => "a map",
        HclUnknown u => u.Why,
        _ => value.ToString(),
    };
}
