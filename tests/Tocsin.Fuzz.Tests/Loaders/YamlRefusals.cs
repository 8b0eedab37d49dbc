using Tocsin.Core.Yaml;

namespace Tocsin.Fuzz.Tests.Loaders;

internal static class YamlRefusals
{
    /// <summary>A refusal of a YAML file names the file, a 1-based line and column, and what is wrong.</summary>
    public static void ShouldNameThePlace(YamlFileException refused, string file)
    {
        refused.File.ShouldBe(file);
        refused.Line.ShouldBeGreaterThanOrEqualTo(1, $"the refusal \"{refused.Message}\" names no line");
        refused.Column.ShouldBeGreaterThanOrEqualTo(1, $"the refusal \"{refused.Message}\" names no column");
        refused.Problem.ShouldNotBeNullOrWhiteSpace();
    }
}
