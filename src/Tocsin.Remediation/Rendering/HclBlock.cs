namespace Tocsin.Remediation.Rendering;

/// <summary>One HCL block being written: attributes already spelled as HCL expressions, and nested blocks.</summary>
internal sealed class HclBlock(string header)
{
    /// <summary>The block's address for references: <c>TYPE.LABEL</c> of a <c>resource "TYPE" "LABEL"</c> header.</summary>
    public string Address => string.Join(".", header.Split('"', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1));

    private readonly List<(string Name, string Expression)> _attributes = [];
    private readonly List<HclBlock> _blocks = [];

    public HclBlock Set(string name, string expression)
    {
        _attributes.Add((name, expression));
        return this;
    }

    public HclBlock SetString(string name, string value) => Set(name, HclText.Quote(value));

    public HclBlock Nested(HclBlock block)
    {
        _blocks.Add(block);
        return this;
    }

    public void Write(TextWriter output, string indent = "")
    {
        output.WriteLine($"{indent}{header} {{");
        var width = _attributes.Count == 0 ? 0 : _attributes.Max(a => a.Name.Length);
        foreach (var (name, expression) in _attributes)
        {
            output.WriteLine($"{indent}  {name.PadRight(width)} = {expression}");
        }

        foreach (var block in _blocks)
        {
            block.Write(output, indent + "  ");
        }

        output.WriteLine($"{indent}}}");
    }
}
