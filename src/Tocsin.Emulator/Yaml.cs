using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.Utilities;

namespace Tocsin.Emulator;

/// <summary>
/// Reads the emulator's YAML files strictly: unknown keys and wrong types are errors with a line and column.
/// The readers are generated at compile time (<see cref="YamlFiles"/>), so no reflection is needed.
/// </summary>
internal static class Yaml
{
    private static readonly YamlFiles Files = new();

    private static readonly IDeserializer Reader = Deserializer.FromValueDeserializer(new ConvertingToExpectedType(
        new StaticDeserializerBuilder(Files)
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .BuildValueDeserializer(),
        Files.GetFactory()));

    public static T Read<T>(string text, string source)
        where T : new()
    {
        try
        {
            return Reader.Deserialize<T>(text) ?? new T();
        }
        catch (YamlException problem)
        {
            var inner = problem;
            while (inner.InnerException is YamlException deeper)
            {
                inner = deeper;
            }

            var reason = inner.InnerException?.Message ?? inner.Message;
            throw new EmulatorInputException($"{source}:{problem.Start.Line}:{problem.Start.Column}: {reason}");
        }
    }

    /// <summary>
    /// Converts each value read to the type its place expects, as the reflection reader did, and refuses it at the
    /// node when it cannot be. The generated reader does not convert: a scalar where a list or a section is expected
    /// (<c>accounts: 5</c>) failed only when set, at the key, or for a file that is one scalar with an InvalidCastException
    /// and no position; an explicit tag (<c>member: !!str true</c>) read as the tag's type failed likewise.
    /// An empty value where a section is expected (<c>us-east-1:</c>, a list entry <c>- ~</c>) is a section with nothing
    /// set, so the checks of its keys name what is missing instead of a null failing later.
    /// </summary>
    private sealed class ConvertingToExpectedType(IValueDeserializer generated, IObjectFactory sections) : IValueDeserializer
    {
        public object? DeserializeValue(IParser parser, Type expectedType, SerializerState state, IValueDeserializer nestedObjectDeserializer)
        {
            parser.Accept<ParsingEvent>(out var current);
            var value = generated.DeserializeValue(parser, expectedType, state, this);

            // an alias (not a node) stands for a value already read, and converted, at its anchor
            if (current is not NodeEvent node)
            {
                return value;
            }

            if (value is null && node is Scalar && IsSection(expectedType))
            {
                return sections.Create(expectedType);
            }

            try
            {
                return Convert(value, expectedType);
            }
            catch (Exception problem) when (problem is InvalidCastException or FormatException or OverflowException)
            {
                throw new YamlException(node.Start, node.End, "Exception during deserialization", problem);
            }
        }

        private static bool IsSection(Type type) =>
            type == typeof(Scenarios.ScenarioFile) || type.DeclaringType == typeof(Scenarios.ScenarioFile)
            || type == typeof(Faults.FaultFile) || type.DeclaringType == typeof(Faults.FaultFile);

        /// <summary>
        /// The conversions the reflection reader made for the types these files use (strings, booleans, numbers,
        /// lists, maps and sections); <see cref="System.Convert.ChangeType(object, Type, IFormatProvider)"/> needs no
        /// reflection, and refuses anything else with the message the reflection reader gave.
        /// </summary>
        private static object? Convert(object? value, Type expectedType)
        {
            if (value is null || value is IValuePromise || expectedType.IsInstanceOfType(value))
            {
                return value;
            }

            var target = Nullable.GetUnderlyingType(expectedType) ?? expectedType;
            if (target == typeof(bool) && value is "0" or "1")
            {
                // XML Schema's booleans, which the reflection reader also took
                return value is "1";
            }

            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
    }
}
