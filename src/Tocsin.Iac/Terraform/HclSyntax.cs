namespace Tocsin.Iac.Terraform;

/// <summary>A configuration file's body: its attributes (<c>name = value</c>) and blocks, in file order.</summary>
internal sealed record HclBody(IReadOnlyList<HclAttribute> Attributes, IReadOnlyList<HclBlock> Blocks)
{
    public static HclBody Empty { get; } = new([], []);

    public HclAttribute? Attribute(string name) => Attributes.LastOrDefault(a => a.Name == name);

    public IEnumerable<HclBlock> BlocksOf(string type) => Blocks.Where(b => b.Type == type);
}

/// <summary><c>name = value</c>, and the line it starts on.</summary>
internal sealed record HclAttribute(string Name, HclExpression Value, int Line);

/// <summary><c>type "label" "label" { ... }</c>, e.g. <c>resource "aws_sns_topic" "alarms"</c> or <c>metric_transformation</c>.</summary>
internal sealed record HclBlock(string Type, IReadOnlyList<string> Labels, HclBody Body, int Line)
{
    /// <summary>The line of the block's closing brace, when it was parsed from HCL.</summary>
    public int? EndLine { get; init; }
}

/// <summary>An expression as written; evaluated later, against the module it sits in.</summary>
internal abstract record HclExpression(int Line);

internal sealed record HclLiteral(HclValue Value, int Line) : HclExpression(Line);

/// <summary>A quoted string or heredoc: literal text, <c>${...}</c> interpolations and <c>%{...}</c> directives.</summary>
internal sealed record HclTemplate(IReadOnlyList<HclExpression> Parts, int Line) : HclExpression(Line);

/// <summary>A <c>%{if}</c>/<c>%{for}</c> directive, which is not evaluated.</summary>
internal sealed record HclDirective(string Text, int Line) : HclExpression(Line);

/// <summary>A reference such as <c>aws_sns_topic.alarms.arn</c>, <c>var.x</c> or <c>module.m.out</c>: a root name and its steps.</summary>
internal sealed record HclReference(string Root, IReadOnlyList<HclStep> Steps, int Line) : HclExpression(Line)
{
    public override string ToString() => Root + string.Concat(Steps.Select(s => s.ToString()));
}

/// <summary>One step of a reference: <c>.name</c>, <c>[index]</c> or a splat.</summary>
internal sealed record HclStep(string? Name, HclExpression? Index, bool Splat = false)
{
    public override string ToString() => Splat ? "[*]" : Name is not null ? "." + Name : "[...]";
}

/// <summary>Steps applied to a value that is not a plain reference, e.g. <c>jsondecode(x).a</c> or <c>(x)[0]</c>.</summary>
internal sealed record HclIndexed(HclExpression Target, IReadOnlyList<HclStep> Steps, int Line) : HclExpression(Line);

internal sealed record HclCall(string Name, IReadOnlyList<HclExpression> Arguments, int Line) : HclExpression(Line);

internal sealed record HclTuple(IReadOnlyList<HclExpression> Items, int Line) : HclExpression(Line);

internal sealed record HclObject(IReadOnlyList<(HclExpression Key, HclExpression Value)> Items, int Line) : HclExpression(Line);

internal sealed record HclUnary(string Operator, HclExpression Operand, int Line) : HclExpression(Line);

internal sealed record HclBinary(string Operator, HclExpression Left, HclExpression Right, int Line) : HclExpression(Line);

internal sealed record HclConditional(HclExpression Condition, HclExpression WhenTrue, HclExpression WhenFalse, int Line) : HclExpression(Line);

/// <summary>A <c>[for ...]</c> or <c>{for ...}</c> expression, which is not evaluated.</summary>
internal sealed record HclForExpression(int Line) : HclExpression(Line);
