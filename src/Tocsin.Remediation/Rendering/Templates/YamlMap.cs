namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>
/// A YAML mapping that keeps the order keys were added in, so a template reads top-down and renders the same every
/// time. Values are strings, booleans, numbers, lists or further maps.
/// </summary>
internal sealed class YamlMap : List<KeyValuePair<string, object?>>
{
    public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));

    /// <summary>Adds the pair only when the value is not null.</summary>
    public void AddIfSet(string key, object? value)
    {
        if (value is not null)
        {
            Add(key, value);
        }
    }
}
