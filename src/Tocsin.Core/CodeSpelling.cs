namespace Tocsin.Core;

/// <summary>
/// The fixed kebab-case spellings of an enum's values in JSON and text (reason codes, unknown reasons): written once,
/// read back exactly, listed in declaration order.
/// </summary>
public sealed class CodeSpelling<TEnum>(IReadOnlyList<(TEnum Value, string Code)> codes)
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _codes = codes.ToDictionary(entry => entry.Value, entry => entry.Code);
    private readonly Dictionary<string, TEnum> _values = codes.ToDictionary(entry => entry.Code, entry => entry.Value, StringComparer.Ordinal);

    public IReadOnlyCollection<string> All { get; } = [.. codes.Select(entry => entry.Code)];

    public string Of(TEnum value) => _codes[value];

    public bool TryParse(string code, out TEnum value) => _values.TryGetValue(code, out value);
}
