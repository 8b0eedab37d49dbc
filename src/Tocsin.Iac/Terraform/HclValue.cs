using System.Globalization;

namespace Tocsin.Iac.Terraform;

/// <summary>What an expression evaluates to before deployment: a literal value, or unknown with the reason.</summary>
internal abstract record HclValue
{
    public static HclValue Null { get; } = new HclNull();

    public bool IsUnknown => this is HclUnknown;
}

internal sealed record HclNull : HclValue;

internal sealed record HclString(string Value) : HclValue;

internal sealed record HclNumber(double Value) : HclValue
{
    public string Text => Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed record HclBool(bool Value) : HclValue;

internal sealed record HclList(IReadOnlyList<HclValue> Items) : HclValue;

/// <summary>A map or object; keys keep their written order.</summary>
internal sealed record HclMap(IReadOnlyList<KeyValuePair<string, HclValue>> Entries) : HclValue
{
    public HclValue? this[string key] => Entries.LastOrDefault(e => e.Key == key) is { Key: not null } e ? e.Value : null;
}

/// <summary>A value only known at apply time, or one this reader does not evaluate; <see cref="Why"/> says which.</summary>
internal sealed record HclUnknown(string Why) : HclValue;
