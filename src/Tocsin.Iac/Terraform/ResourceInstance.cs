using Tocsin.Core.Inventory;

namespace Tocsin.Iac.Terraform;

/// <summary>
/// One instance of a <c>resource</c> block (one per <c>count</c> index or <c>for_each</c> key), evaluated in its
/// module with <c>count.index</c> / <c>each</c> set.
/// </summary>
internal sealed class ResourceInstance(string type, string name, string address, string file, HclBlock block, IHclScope scope, IacSettings settings)
{
    public string Type { get; } = type;

    public string Name { get; } = name;

    /// <summary>The address as Terraform prints it, e.g. <c>module.filters.aws_cloudwatch_log_metric_filter.signin[0]</c>.</summary>
    public string Address { get; } = address;

    public string File { get; } = file;

    public HclBody Body => block.Body;

    public IHclScope Scope { get; } = scope;

    public Source Source => Source.FromFile(File, block.Line, block.EndLine);

    public Source SourceOf(string attribute) => Source.FromFile(File, Body.Attribute(attribute)?.Line ?? block.Line);

    /// <summary>The argument as configured, or null when it is not set.</summary>
    public HclValue Get(string argument) =>
        Body.Attribute(argument) is { } configured ? HclEvaluator.Evaluate(configured.Value, Scope) : HclValue.Null;

    /// <summary>What a reference to the attribute reads: as configured, as the provider computes it, else known only after apply.</summary>
    public HclValue Attribute(string attribute) =>
        Body.Attribute(attribute) is not null ? Get(attribute)
        : Body.BlocksOf(attribute).Any() ? new HclList([.. Body.BlocksOf(attribute).Select(Evaluate)])
        : ComputedAttributes.Of(this, attribute, settings) ?? new HclUnknown($"{Address}.{attribute} is known only after apply");

    /// <summary>A nested block (e.g. <c>metric_transformation</c>) as the object a reference to it reads.</summary>
    private HclMap Evaluate(HclBlock nested) => new([
        .. nested.Body.Attributes.Select(a => new KeyValuePair<string, HclValue>(a.Name, HclEvaluator.Evaluate(a.Value, Scope))),
        .. nested.Body.Blocks.GroupBy(b => b.Type).Select(g => new KeyValuePair<string, HclValue>(g.Key, new HclList([.. g.Select(Evaluate)]))),
    ]);

    public bool Has(string attribute) => Body.Attribute(attribute) is not null;

    /// <summary>
    /// The reason the nested blocks of a type cannot be told, when a <c>dynamic "type"</c> block generates them (its
    /// <c>for_each</c> is not expanded here); null when they are all written out.
    /// </summary>
    public string? Generated(string blockType) =>
        Body.BlocksOf("dynamic").Any(b => b.Labels is [var label] && label == blockType)
            ? $"{Address} generates its {blockType} blocks with a dynamic block, which is not expanded"
            : null;
}
