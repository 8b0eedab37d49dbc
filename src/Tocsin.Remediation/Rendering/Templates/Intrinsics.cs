namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>
/// CloudFormation intrinsic functions in their long form (<c>Ref:</c>, <c>Fn::GetAtt:</c>) rather than YAML tags, so a
/// template is also plain YAML any loader reads.
/// </summary>
internal static class Intrinsics
{
    public static YamlMap Ref(string logicalId) => new() { { "Ref", logicalId } };

    public static YamlMap GetAtt(string logicalId, string attribute) => new() { { "Fn::GetAtt", new List<object?> { logicalId, attribute } } };

    public static YamlMap Sub(string text) => new() { { "Fn::Sub", text } };
}
