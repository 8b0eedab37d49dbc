using System.Reflection;
using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Core.Tests.Inventory;

/// <summary>
/// The native build of the tool cannot make a converter for a type at run time, so the snapshot converter lists every
/// observed value of the inventory model; these tests walk the model the way the serializer does.
/// </summary>
public class SnapshotNativeBuildTests
{
    [Fact]
    public void Every_observed_value_of_the_inventory_model_has_a_converter_written_out()
    {
        var observed = ObservedTypesUnder(typeof(SnapshotDocument));

        Assert.NotEmpty(observed);
        Assert.Contains(typeof(Observed<IReadOnlyList<Alarm>>), observed);
        Assert.All(observed, type => Assert.True(ObservedJsonConverterFactory.Supports(type), $"{type} has no converter"));
    }

    [Fact]
    public void An_observed_value_outside_the_model_is_refused_by_name()
    {
        var refusal = Assert.Throws<NotSupportedException>(() =>
            new ObservedJsonConverterFactory().CreateConverter(typeof(Observed<Guid>), SnapshotJson.Options));

        Assert.Contains("Guid", refusal.Message, StringComparison.Ordinal);
    }

    private static HashSet<Type> ObservedTypesUnder(Type root)
    {
        var observed = new HashSet<Type>();
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type) || type.Assembly != typeof(Observed<>).Assembly && !type.IsGenericType)
            {
                continue;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Observed<>))
            {
                observed.Add(type);
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                pending.Push(argument);
            }

            if (type.Assembly == typeof(Observed<>).Assembly)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        return observed;
    }
}
