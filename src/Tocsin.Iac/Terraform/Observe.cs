using System.Globalization;
using Tocsin.Core.Inventory;

namespace Tocsin.Iac.Terraform;

/// <summary>An argument's value as the inventory holds it: known, the default when unset, or unresolved with the reason.</summary>
internal static class Observe
{
    public static Observed<T> Unresolved<T>(string why, Source? source) => Observed.Unknown<T>(UnknownReason.Unresolved, why, source);

    public static Observed<string?> Text(ResourceInstance resource, string argument) =>
        TextOf(resource.Get(argument), resource.SourceOf(argument), $"{resource.Address}.{argument}");

    public static Observed<string?> TextOf(HclValue value, Source source, string what) => value switch
    {
        HclString s => Observed.Known<string?>(s.Value, source),
        HclNumber n => Observed.Known<string?>(n.Text, source),
        HclBool b => Observed.Known<string?>(b.Value ? "true" : "false", source),
        HclNull => Observed.Known<string?>(null, source),
        HclUnknown u => Unresolved<string?>(u.Why, source),
        _ => Unresolved<string?>($"{what} is {HclEvaluator.Describe(value)}, not a string", source),
    };

    public static Observed<bool> Bool(ResourceInstance resource, string argument, bool whenUnset) =>
        resource.Get(argument) switch
        {
            HclBool b => Observed.Known(b.Value, resource.SourceOf(argument)),
            HclString { Value: "true" or "false" } s => Observed.Known(s.Value == "true", resource.SourceOf(argument)),
            HclNull => Observed.Known(whenUnset, resource.SourceOf(argument)),
            HclUnknown u => Unresolved<bool>(u.Why, resource.SourceOf(argument)),
            var other => Unresolved<bool>($"{resource.Address}.{argument} is {HclEvaluator.Describe(other)}, not a bool", resource.SourceOf(argument)),
        };

    public static Observed<double?> Number(ResourceInstance resource, string argument) =>
        resource.Get(argument) switch
        {
            HclNumber n => Observed.Known<double?>(n.Value, resource.SourceOf(argument)),
            HclString s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => Observed.Known<double?>(parsed, resource.SourceOf(argument)),
            HclNull => Observed.Known<double?>(null, resource.SourceOf(argument)),
            HclUnknown u => Unresolved<double?>(u.Why, resource.SourceOf(argument)),
            var other => Unresolved<double?>($"{resource.Address}.{argument} is {HclEvaluator.Describe(other)}, not a number", resource.SourceOf(argument)),
        };

    public static Observed<int?> Integer(ResourceInstance resource, string argument) =>
        Number(resource, argument) is var number && number.TryGetValue(out var value)
            ? Observed.Known(value is null ? null : (int?)(int)value.Value, number.Source)
            : Observed<int?>.NotKnown(number.Unknown!, number.Source);

    public static Observed<IReadOnlyList<string>> Strings(ResourceInstance resource, string argument) =>
        StringsOf(resource.Get(argument), resource.SourceOf(argument), $"{resource.Address}.{argument}");

    public static Observed<IReadOnlyList<string>> StringsOf(HclValue value, Source source, string what)
    {
        switch (value)
        {
            case HclNull:
                return Observed.Known<IReadOnlyList<string>>([], source);
            case HclUnknown u:
                return Unresolved<IReadOnlyList<string>>(u.Why, source);
            case HclList list:
                var items = new List<string>();
                foreach (var item in list.Items)
                {
                    var text = TextOf(item, source, what);
                    if (!text.TryGetValue(out var known) || known is null)
                    {
                        return Unresolved<IReadOnlyList<string>>(text.Unknown?.Detail ?? $"{what} holds null", source);
                    }

                    items.Add(known);
                }

                return Observed.Known<IReadOnlyList<string>>(items, source);
            default:
                return Unresolved<IReadOnlyList<string>>($"{what} is {HclEvaluator.Describe(value)}, not a list", source);
        }
    }

    /// <summary>A map of strings (alarm dimensions), as name/value pairs in written order.</summary>
    public static Observed<IReadOnlyList<Dimension>> Dimensions(HclValue value, Source source, string what)
    {
        switch (value)
        {
            case HclNull:
                return Observed.Known<IReadOnlyList<Dimension>>([], source);
            case HclUnknown u:
                return Unresolved<IReadOnlyList<Dimension>>(u.Why, source);
            case HclMap map:
                var dimensions = new List<Dimension>();
                foreach (var (key, item) in map.Entries)
                {
                    var text = TextOf(item, source, what);
                    if (!text.TryGetValue(out var known) || known is null)
                    {
                        return Unresolved<IReadOnlyList<Dimension>>(text.Unknown?.Detail ?? $"{what}.{key} is null", source);
                    }

                    dimensions.Add(new Dimension(key, known));
                }

                return Observed.Known<IReadOnlyList<Dimension>>(dimensions, source);
            default:
                return Unresolved<IReadOnlyList<Dimension>>($"{what} is {HclEvaluator.Describe(value)}, not a map", source);
        }
    }

    /// <summary>An enum spelled as AWS spells it; an unknown spelling is unresolved, not a guess.</summary>
    public static Observed<TEnum?> Enum<TEnum>(ResourceInstance resource, string argument)
        where TEnum : struct, System.Enum
    {
        var text = Text(resource, argument);
        if (!text.TryGetValue(out var value))
        {
            return Observed<TEnum?>.NotKnown(text.Unknown!, text.Source);
        }

        if (value is null)
        {
            return Observed.Known<TEnum?>(null, text.Source);
        }

        return System.Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && System.Enum.IsDefined(parsed)
            ? Observed.Known<TEnum?>(parsed, text.Source)
            : Unresolved<TEnum?>($"{resource.Address}.{argument} = \"{value}\" is not a {typeof(TEnum).Name} AWS knows", text.Source);
    }
}
