using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tocsin.Emulator;

/// <summary>Reads the emulator's YAML files strictly: unknown keys and wrong types are errors with a line and column.</summary>
internal static class Yaml
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

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
}

/// <summary>A scenario or faults file the emulator cannot use; the message says which file, where and what.</summary>
public sealed class EmulatorInputException(string message) : Exception(message);
