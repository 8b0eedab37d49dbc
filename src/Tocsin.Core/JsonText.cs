using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tocsin.Core;

/// <summary>Text written as a JSON string literal, escaped exactly as System.Text.Json's defaults escape it.</summary>
internal static class JsonText
{
    public static string Quote(string text) => JsonSerializer.Serialize(text, StringJsonContext.Default.String);
}

/// <summary>A string's shape for <see cref="JsonSerializer"/>, generated at build time (a native build makes none at run time).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class StringJsonContext : JsonSerializerContext;
